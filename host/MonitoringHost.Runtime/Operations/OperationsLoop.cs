using System.Threading.Channels;

namespace MonitoringHost.Runtime.Operations;

/// <summary>
/// The one loop that changes health, alerts and maintenance. Every change is a step run on the loop, one at a
/// time, so the in-memory models need no locks. A step fills its own <see cref="OperationsBatch"/>; the steps that
/// queued up while the last commit ran are committed together (group commit), in order, in one transaction. A caller
/// of <see cref="RunAsync{T}"/> gets its result only once its changes are durable; a step that throws changes
/// nothing and the caller gets the exception (steps validate before they change anything). A failing commit is
/// retried with backoff until it succeeds, so the store never falls behind what callers were told, nor gets a
/// step twice.
/// </summary>
public sealed class OperationsLoop : IAsyncDisposable
{
    private readonly IOperationsStore _store;
    private readonly TimeProvider _time;
    private readonly OperationsLoopOptions _options;
    private readonly Channel<Step> _steps = Channel.CreateUnbounded<Step>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task _loop;
    private long _committedBatches;
    private long _committedSteps;

    public OperationsLoop(IOperationsStore store, TimeProvider time, OperationsLoopOptions? options = null)
    {
        _store = store;
        _time = time;
        _options = options ?? new OperationsLoopOptions();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Transactions committed so far.</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    /// <summary>Steps committed so far.</summary>
    public long CommittedSteps => Interlocked.Read(ref _committedSteps);

    /// <summary>The last commit failure, while commits are being retried; null once one succeeds.</summary>
    public Exception? CommitFailure { get; private set; }

    /// <summary>Runs <paramref name="step"/> on the loop; completes with its result once its changes are committed.</summary>
    public Task<T> RunAsync<T>(Func<OperationsBatch, T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var queued = new Step<T>(step);
        Enqueue(queued);
        return queued.Completion.Task;
    }

    /// <summary>Runs <paramref name="step"/> on the loop without waiting (what workflows report): committed with the next batch.</summary>
    public void Post(Action<OperationsBatch> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        Enqueue(new Step<bool>(batch =>
        {
            step(batch);
            return true;
        }));
    }

    private void Enqueue(Step step) => ObjectDisposedException.ThrowIf(!_steps.Writer.TryWrite(step), this);

    /// <summary>Completes once every step queued before the call is committed.</summary>
    public Task FlushAsync() => RunAsync(_ => true);

    /// <summary>Stops taking steps, runs and commits the ones queued, then ends the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _steps.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    /// <summary>
    /// Runs steps into a batch while the previous batch commits (the models run ahead of the store by at most the
    /// batch being committed), then answers that batch's callers and commits the next one: commits stay in order.
    /// </summary>
    private async Task LoopAsync()
    {
        var reader = _steps.Reader;
        var batch = new OperationsBatch();
        var steps = new List<Step>();
        Task? committing = null;
        List<Step> committed = [];
        while (true)
        {
            while (batch.Count < _options.MaxChangesPerCommit && steps.Count < _options.MaxStepsPerCommit && reader.TryRead(out var step))
            {
                var own = new OperationsBatch();
                if (step.Run(own))
                {
                    batch.Append(own);
                }

                steps.Add(step);
            }

            if (committing is not null)
            {
                if (!committing.IsCompleted && batch.Count < _options.MaxChangesPerCommit && steps.Count < _options.MaxStepsPerCommit)
                {
                    // Take more steps while the commit runs, unless the channel is done.
                    var more = reader.WaitToReadAsync().AsTask();
                    if (await Task.WhenAny(committing, more).ConfigureAwait(false) == more && await more.ConfigureAwait(false) && !committing.IsCompleted)
                    {
                        continue;
                    }
                }

                await committing.ConfigureAwait(false);
                Interlocked.Increment(ref _committedBatches);
                Interlocked.Add(ref _committedSteps, committed.Count);
                foreach (var step in committed)
                {
                    step.Complete();
                }

                committing = null;
            }

            if (steps.Count == 0)
            {
                if (!await reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            committed = steps;
            committing = batch.IsEmpty ? Task.CompletedTask : CommitAsync(batch);
            steps = [];
            batch = new OperationsBatch();
        }
    }

    private async Task CommitAsync(OperationsBatch batch)
    {
        var delay = _options.FirstRetryDelay;
        while (true)
        {
            try
            {
                await _store.CommitAsync(batch, CancellationToken.None).ConfigureAwait(false);
                CommitFailure = null;
                return;
            }
#pragma warning disable CA1031 // Whatever the store throws, the batch is kept and retried: the models are already ahead of it.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                CommitFailure = failure;
            }

            await Task.Delay(delay, _time).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    private abstract class Step
    {
        /// <summary>Runs the step into <paramref name="batch"/>; false when it threw (and changed nothing).</summary>
        public abstract bool Run(OperationsBatch batch);

        /// <summary>Hands the result (or the step's exception) to the caller, now that the batch is committed.</summary>
        public abstract void Complete();
    }

    private sealed class Step<T>(Func<OperationsBatch, T> run) : Step
    {
        private T? _result;
        private Exception? _failure;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool Run(OperationsBatch batch)
        {
            try
            {
                _result = run(batch);
                return true;
            }
#pragma warning disable CA1031 // The step's own failure goes to its caller; the loop goes on.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                _failure = failure;
                return false;
            }
        }

        public override void Complete()
        {
            if (_failure is null)
            {
                Completion.TrySetResult(_result!);
            }
            else
            {
                Completion.TrySetException(_failure);
            }
        }
    }
}

/// <summary>How much one commit may hold, and how a failing commit is retried.</summary>
public sealed class OperationsLoopOptions
{
    /// <summary>Stop adding steps to a commit once it holds this many changes (rows).</summary>
    public int MaxChangesPerCommit { get; init; } = 5_000;

    /// <summary>Stop adding steps to a commit once it holds this many steps.</summary>
    public int MaxStepsPerCommit { get; init; } = 2_000;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
