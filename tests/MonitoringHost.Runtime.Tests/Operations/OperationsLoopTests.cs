using Microsoft.Extensions.Time.Testing;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Tests.Operations;

public sealed class OperationsLoopTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static StateChange Change(int i) => new(Guid.Empty, $"M{i}", HealthState.Success, HealthState.Error, Now, null);

    /// <summary>A store that records each commit and can be told to fail, or to hold a commit until released.</summary>
    private sealed class RecordingStore : IOperationsStore
    {
        public List<List<string>> Commits { get; } = [];

        public int FailuresLeft { get; set; }

        public TaskCompletionSource? Gate { get; set; }

        /// <summary>Set when a commit has reached the gate.</summary>
        public TaskCompletionSource AtGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<OperationsSnapshot> LoadAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<MonitoringHost.Runtime.Maintenance.MaintenanceSchedule>> ReadMaintenanceSchedulesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public async Task CommitAsync(OperationsBatch batch, CancellationToken cancellationToken)
        {
            if (Gate is { } gate)
            {
                AtGate.TrySetResult();
                await gate.Task;
            }

            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("database is locked");
            }

            lock (Commits)
            {
                Commits.Add([.. batch.StateChanges.Select(c => c.MonitorId)]);
            }
        }
    }

    [Fact]
    public async Task RunAsync_ReturnsTheStepsResult_AfterItsChangesAreCommitted()
    {
        var store = new RecordingStore();
        await using var loop = new OperationsLoop(store, TimeProvider.System);

        var result = await loop.RunAsync(batch =>
        {
            batch.StateChanges.Add(Change(1));
            return 42;
        });

        result.Should().Be(42);
        store.Commits.Should().ContainSingle().Which.Should().Equal("M1");
    }

    [Fact]
    public async Task StepsQueuedDuringACommit_AreCommittedTogether_InOrder()
    {
        var store = new RecordingStore { Gate = new TaskCompletionSource() };
        await using var loop = new OperationsLoop(store, TimeProvider.System);
        var first = loop.RunAsync(batch =>
        {
            batch.StateChanges.Add(Change(0));
            return 0;
        });

        // The first commit is held at the gate; queue more behind it, and open the gate once the loop has taken them all
        // (a step runs when the loop takes it), whatever the machine's load.
        await store.AtGate.Task;
        var taken = 0;
        var allTaken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rest = Enumerable.Range(1, 100).Select(i => loop.RunAsync(batch =>
        {
            batch.StateChanges.Add(Change(i));
            if (Interlocked.Increment(ref taken) == 100)
            {
                allTaken.SetResult();
            }

            return i;
        })).ToList();
        await allTaken.Task;
        store.Gate.SetResult();

        (await Task.WhenAll(rest)).Should().Equal(Enumerable.Range(1, 100));
        await first;
        store.Commits.Should().HaveCount(2, "the hundred steps queued behind the first commit go in one");
        store.Commits[1].Should().Equal(Enumerable.Range(1, 100).Select(i => $"M{i}"));
    }

    [Fact]
    public async Task AFailingStep_ChangesNothing_AndItsCallerGetsTheException()
    {
        var store = new RecordingStore();
        await using var loop = new OperationsLoop(store, TimeProvider.System);

        var failing = loop.RunAsync<int>(batch =>
        {
            batch.StateChanges.Add(Change(1));
            throw new ArgumentException("no such monitor");
        });
        var fine = loop.RunAsync(batch =>
        {
            batch.StateChanges.Add(Change(2));
            return 2;
        });

        await failing.Awaiting(f => f).Should().ThrowAsync<ArgumentException>().WithMessage("no such monitor");
        (await fine).Should().Be(2);
        store.Commits.SelectMany(c => c).Should().Equal("M2");
    }

    [Fact]
    public async Task AFailingCommit_IsRetriedUntilItSucceeds_AndCallersWaitForIt()
    {
        var time = new FakeTimeProvider(Now);
        var store = new RecordingStore { FailuresLeft = 3 };
        await using var loop = new OperationsLoop(store, time, new OperationsLoopOptions { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(2) });

        var step = loop.RunAsync(batch =>
        {
            batch.StateChanges.Add(Change(1));
            return 1;
        });
        for (var i = 0; i < 50 && !step.IsCompleted; i++)
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        (await step).Should().Be(1);
        store.Commits.Should().ContainSingle("one commit succeeded, after three failures");
        loop.CommitFailure.Should().BeNull();
    }

    [Fact]
    public async Task Post_IsCommittedWithTheNextBatch_AndDisposeCommitsWhatIsQueued()
    {
        var store = new RecordingStore();
        var loop = new OperationsLoop(store, TimeProvider.System);

        for (var i = 0; i < 10; i++)
        {
            var n = i;
            loop.Post(batch => batch.StateChanges.Add(Change(n)));
        }

        await loop.DisposeAsync();

        store.Commits.SelectMany(c => c).Should().Equal(Enumerable.Range(0, 10).Select(i => $"M{i}"));
        loop.CommittedSteps.Should().Be(10);
    }
}
