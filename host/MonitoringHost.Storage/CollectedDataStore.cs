using System.Data.Common;
using System.Threading.Channels;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Storage.Postgres;
using MonitoringHost.Storage.Sqlite;

namespace MonitoringHost.Storage;

/// <summary>
/// Performance samples and events that collection rules hand over, in the operational store. <see cref="Collect"/>
/// only puts the item in a bounded buffer (workflow threads never wait on the database); one background writer takes
/// up to <see cref="CollectedDataOptions.BatchSize"/> items at a time and writes each batch in one transaction, the
/// dialect's fastest way (<see cref="SqliteCollectedDataStore"/>, <see cref="PostgresCollectedDataStore"/>).
/// <para>
/// When an item counts as written: when the transaction holding it has committed (durably, as the instance store's
/// commits are). <see cref="FlushAsync"/> returns once every item accepted before the call is written;
/// <see cref="DisposeAsync"/> writes everything accepted before it returns. What is never lost without a word: an
/// item <see cref="Collect"/> cannot take (the buffer is full because the database is not keeping up or is down)
/// is refused with an exception, so the write action's run fails and says so; a batch the database refuses is kept
/// and tried again, waiting longer each time; and if the last attempt on dispose fails, <see cref="DisposeAsync"/>
/// throws saying how many accepted items were not written. Only a process that dies loses what it had accepted and
/// not yet written (at most <see cref="CollectedDataOptions.Capacity"/> items plus one batch).
/// </para>
/// Uses the connections of the <see cref="InstanceStore"/> it was opened on, which must stay open until this is disposed.
/// </summary>
public abstract class CollectedDataStore : CompanionStore, ICollectedDataSink, IAsyncDisposable
{
    private const string SelectSamples =
        "SELECT workflow_id, target_id, object_name, counter_name, instance_name, value, time_sampled FROM performance_samples " +
        "WHERE object_name = @object AND counter_name = @counter AND time_sampled >= @from AND time_sampled < @to";

    private const string SelectEvents =
        "SELECT workflow_id, target_id, time, type_name, event_number, event_level, event_category, channel, publisher_name, " +
        "logging_computer, user_name, description FROM collected_events WHERE target_id = @target AND time >= @from AND time < @to ORDER BY time, id";

    private readonly Channel<PendingRow> _buffer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private Task _writer = Task.CompletedTask;
    private long _written;
    private int _largestBatch;
    private int _closed;

    private protected CollectedDataStore(InstanceStore store, InstanceStoreSql sql, CollectedDataOptions options, TimeProvider time)
        : base(store, sql)
    {
        Options = options;
        _time = time;
        _buffer = Channel.CreateBounded<PendingRow>(new BoundedChannelOptions(options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public CollectedDataOptions Options { get; }

    /// <summary>Items written so far (committed) by this store.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>The latest error the database gave a batch that is being retried; null once a batch is written again.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>The most items one transaction has held (batching is bounded by <see cref="CollectedDataOptions.BatchSize"/>).</summary>
    internal int LargestBatch => Volatile.Read(ref _largestBatch);

    /// <summary>A store for collected data in the database of <paramref name="store"/> (whose schema includes it).</summary>
    public static CollectedDataStore Open(InstanceStore store, CollectedDataOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new CollectedDataOptions();
        options.Validate();
        var collected = For<CollectedDataStore>(
            store,
            sqlite => new SqliteCollectedDataStore(sqlite, options, time ?? TimeProvider.System),
            postgres => new PostgresCollectedDataStore(postgres, options, time ?? TimeProvider.System));
        collected._writer = Task.Run(collected.WriteLoopAsync);
        return collected;
    }

    /// <summary>
    /// Accepts <paramref name="item"/> for writing (see the class remarks for when it is written). Throws
    /// <see cref="InvalidOperationException"/> when the buffer is full and <see cref="ObjectDisposedException"/> after
    /// disposal: the item is then not accepted.
    /// </summary>
    public void Collect(string workflowId, Guid targetId, DataItem item)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
        var row = CollectedItems.ToRow(workflowId, targetId, item);
        if (!_buffer.Writer.TryWrite(row))
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
            throw new InvalidOperationException(
                $"the collected-data buffer is full ({Options.Capacity} items wait for the database): the {item.TypeName} item of {workflowId} for {targetId} was not accepted");
        }
    }

    /// <summary>Returns once every item accepted before this call is written.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _buffer.Writer.WriteAsync(new PendingRow(null, null, flushed), cancellationToken).ConfigureAwait(false);
        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The written samples of one counter sampled in [<paramref name="from"/>, <paramref name="to"/>), oldest first
    /// (samples of one time in the order written); every instance, or only those of <paramref name="targetId"/>.
    /// </summary>
    public async Task<IReadOnlyList<PerformanceSample>> ReadSamplesAsync(
        string objectName, string counterName, DateTimeOffset from, DateTimeOffset to, Guid? targetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objectName);
        ArgumentNullException.ThrowIfNull(counterName);
        var sql = SelectSamples + (targetId is null ? "" : " AND target_id = @target") + " ORDER BY time_sampled, id";
        return await ReadAsync(sql, command =>
        {
            Add(command, "@object", objectName);
            Add(command, "@counter", counterName);
            Add(command, "@from", Sql.TimeValue(from));
            Add(command, "@to", Sql.TimeValue(to));
            if (targetId is { } target)
            {
                Add(command, "@target", IdValue(target));
            }
        }, r => new PerformanceSample(
            r.GetString(0), Sql.ReadGuid(r, 1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetDouble(5), Sql.ReadTime(r, 6)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The written events of <paramref name="targetId"/> raised in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public Task<IReadOnlyList<CollectedEvent>> ReadEventsAsync(Guid targetId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ReadAsync(SelectEvents, command =>
        {
            Add(command, "@target", IdValue(targetId));
            Add(command, "@from", Sql.TimeValue(from));
            Add(command, "@to", Sql.TimeValue(to));
        }, r => new CollectedEvent(
            r.GetString(0), Sql.ReadGuid(r, 1), Sql.ReadTime(r, 2), r.GetString(3),
            r.IsDBNull(4) ? null : r.GetInt64(4), r.IsDBNull(5) ? null : r.GetInt32(5), r.IsDBNull(6) ? null : r.GetInt32(6),
            Text(r, 7), Text(r, 8), Text(r, 9), Text(r, 10), Text(r, 11)),
            cancellationToken);

    /// <summary>
    /// Stops accepting items and writes everything accepted. Throws when the database refused the last batch even
    /// after a final attempt, saying how many items were not written.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _buffer.Writer.TryComplete();

        // Cuts short a wait between retries: what remains gets one more attempt, not minutes of backoff.
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _writer.ConfigureAwait(false);
        }
        finally
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Writes one batch in one transaction; returns once it is durable. On any failure nothing is written.</summary>
    private protected abstract Task WriteBatchAsync(IReadOnlyList<PerformanceSample> samples, IReadOnlyList<CollectedEvent> events, CancellationToken cancellationToken);

    private async Task WriteLoopAsync()
    {
        var samples = new List<PerformanceSample>();
        var events = new List<CollectedEvent>();
        var flushes = new List<TaskCompletionSource>();
        var reader = _buffer.Reader;
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (samples.Count + events.Count < Options.BatchSize && reader.TryRead(out var row))
                {
                    if (row.Sample is { } sample)
                    {
                        samples.Add(sample);
                    }
                    else if (row.Event is { } collected)
                    {
                        events.Add(collected);
                    }
                    else
                    {
                        flushes.Add(row.Flushed!);
                    }
                }

                if (samples.Count + events.Count > 0)
                {
                    await WriteWithRetriesAsync(samples, events).ConfigureAwait(false);
                }

                foreach (var flushed in flushes)
                {
                    flushed.TrySetResult();
                }

                samples.Clear();
                events.Clear();
                flushes.Clear();
            }
        }
        catch (Exception e)
        {
            var lost = samples.Count + events.Count;
            while (reader.TryRead(out var row))
            {
                if (row.Flushed is { } flushed)
                {
                    flushes.Add(flushed);
                }
                else
                {
                    lost++;
                }
            }

            var failure = new InvalidOperationException($"{lost} collected items were accepted but could not be written: {e.Message}", e);
            foreach (var flushed in flushes)
            {
                flushed.TrySetException(failure);
            }

            throw failure;
        }
    }

    private async Task WriteWithRetriesAsync(List<PerformanceSample> samples, List<CollectedEvent> events)
    {
        var delay = Options.MaximumRetryDelay / 16;
        while (true)
        {
            try
            {
                // Not cancellable: a batch once started must end committed or rolled back, and be known to have.
                await WriteBatchAsync(samples, events, CancellationToken.None).ConfigureAwait(false);
                LastError = null;
                Interlocked.Add(ref _written, samples.Count + events.Count);
                if (samples.Count + events.Count > _largestBatch)
                {
                    Volatile.Write(ref _largestBatch, samples.Count + events.Count);
                }

                return;
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                // Kept for whoever reports the store's health; the batch stays and is tried again.
                LastError = e;
                await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = delay * 2 > Options.MaximumRetryDelay ? Options.MaximumRetryDelay : delay * 2;
            }
        }
    }
}
