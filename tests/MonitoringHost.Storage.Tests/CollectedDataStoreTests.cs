using System.Data.Common;
using System.Globalization;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Storage.Tests;

/// <summary>
/// What the collected-data store must do on every provider, run by <see cref="Sqlite.SqliteCollectedDataStoreTests"/>
/// and <see cref="Postgres.PostgresCollectedDataStoreTests"/>, each test on a fresh database.
/// </summary>
public abstract class CollectedDataStoreTests(StoreProvider provider)
{
    private const string Workflow = "Test.Perf!Test.Perf.CollectProcessor";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid ServerA = Guid.Parse("0a4c2a58-8b7e-4f0f-9d1c-3f2b1a000001");
    private static readonly Guid ServerB = Guid.Parse("0a4c2a58-8b7e-4f0f-9d1c-3f2b1a000002");

    private Task<TestStore> CreateAsync() => TestStores.CreateAsync(provider);

    private static PerformanceData Cpu(int minute, double value, string instance = "_Total") =>
        new(T0.AddMinutes(minute), "Processor", "% Processor Time", instance, value);

    private static Task<IReadOnlyList<PerformanceSample>> ReadCpuAsync(CollectedDataStore store, Guid? target = null) =>
        store.ReadSamplesAsync("Processor", "% Processor Time", T0.AddDays(-1), T0.AddDays(1), target, default);

    [SkippableFact]
    public async Task Open_AppliesMigration0002_WithItsTablesAndTheCounterIndex()
    {
        await using var test = await CreateAsync();

        var versions = await test.Store.ReadSchemaVersionsAsync(default);

        versions.Should().ContainSingle(v => v.Version == 2 && v.Name == "0002_collected_data");
        Count(await test.QueryScalarAsync("SELECT count(*) FROM performance_samples")).Should().Be(0);
        Count(await test.QueryScalarAsync("SELECT count(*) FROM collected_events")).Should().Be(0);
        var indexes = provider == StoreProvider.Postgres
            ? "SELECT count(*) FROM pg_indexes WHERE indexname IN ('performance_samples_by_counter', 'collected_events_by_target')"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('performance_samples_by_counter', 'collected_events_by_target')";
        Count(await test.QueryScalarAsync(indexes)).Should().Be(2);
    }

    [SkippableFact]
    public async Task ReadSamplesAsync_CounterAndTimeRange_ReturnsThoseSamplesOldestFirst()
    {
        await using var test = await CreateAsync();
        await using var store = CollectedDataStore.Open(test.Store);
        store.Collect(Workflow, ServerA, Cpu(3, 30.25));
        store.Collect(Workflow, ServerA, Cpu(1, 10.5));
        store.Collect(Workflow, ServerB, Cpu(2, 20));
        store.Collect(Workflow, ServerA, Cpu(5, 50));
        store.Collect(Workflow, ServerA, new PerformanceData(T0.AddMinutes(2), "Memory", "Available MBytes", "", 512));
        store.Collect(Workflow, ServerA, new PerformanceData(T0.AddMinutes(4), "Processor", "% Processor Time", "0", 0, isNull: true));
        await store.FlushAsync(default);

        var range = await store.ReadSamplesAsync("Processor", "% Processor Time", T0.AddMinutes(1), T0.AddMinutes(5), null, default);
        var ofA = await store.ReadSamplesAsync("Processor", "% Processor Time", T0, T0.AddHours(1), ServerA, default);

        range.Should().Equal(
            new PerformanceSample(Workflow, ServerA, "Processor", "% Processor Time", "_Total", 10.5, T0.AddMinutes(1)),
            new PerformanceSample(Workflow, ServerB, "Processor", "% Processor Time", "_Total", 20, T0.AddMinutes(2)),
            new PerformanceSample(Workflow, ServerA, "Processor", "% Processor Time", "_Total", 30.25, T0.AddMinutes(3)),
            new PerformanceSample(Workflow, ServerA, "Processor", "% Processor Time", "0", null, T0.AddMinutes(4)));
        ofA.Select(s => s.Value).Should().Equal(10.5, 30.25, null, 50);
        store.Written.Should().Be(6);
    }

    [SkippableFact]
    public async Task ReadSamplesAsync_TimesWithOffsetsAndTicks_ComeBackInUtcToTheMicrosecond()
    {
        await using var test = await CreateAsync();
        await using var store = CollectedDataStore.Open(test.Store);
        var sampled = new DateTimeOffset(2026, 3, 1, 14, 30, 15, 123, 456, TimeSpan.FromHours(2)).AddTicks(7);
        store.Collect(Workflow, ServerA, new PerformanceData(sampled, "Processor", "% Processor Time", "_Total", double.MaxValue));
        await store.FlushAsync(default);

        var sample = (await ReadCpuAsync(store)).Should().ContainSingle().Subject;

        sample.TimeSampled.Should().Be(new DateTimeOffset(2026, 3, 1, 12, 30, 15, 123, 456, TimeSpan.Zero));
        sample.TimeSampled.Offset.Should().Be(TimeSpan.Zero);
        sample.Value.Should().Be(double.MaxValue);
    }

    [SkippableFact]
    public async Task Collect_ManyMoreItemsThanABatch_WritesThemAllInBatchesNoLargerThanTheBatchSize()
    {
        await using var test = await CreateAsync();
        await using var store = CollectedDataStore.Open(test.Store, new CollectedDataOptions { BatchSize = 64, Capacity = 5_000 });
        for (var i = 0; i < 1_000; i++)
        {
            store.Collect(Workflow, i % 2 == 0 ? ServerA : ServerB, Cpu(i, i));
        }

        await store.FlushAsync(default);

        store.Written.Should().Be(1_000);
        store.LargestBatch.Should().BeInRange(1, 64);
        (await ReadCpuAsync(store)).Select(s => s.Value!.Value).Should().Equal(Enumerable.Range(0, 1_000).Select(i => (double)i));
    }

    [SkippableFact]
    public async Task Dispose_WritesWhatWasAccepted_AndARestartedStoreReadsItBack()
    {
        await using var test = await CreateAsync();
        var store = CollectedDataStore.Open(test.Store);
        for (var i = 0; i < 25; i++)
        {
            store.Collect(Workflow, ServerA, Cpu(i, i * 1.5));
        }

        await store.DisposeAsync();
        var restarted = await test.ReopenAsync();
        await using var reopened = CollectedDataStore.Open(restarted);

        var samples = await ReadCpuAsync(reopened);

        samples.Should().HaveCount(25);
        samples.Select(s => s.Value).Should().Equal(Enumerable.Range(0, 25).Select(i => (double?)(i * 1.5)));
        samples.Should().OnlyContain(s => s.WorkflowId == Workflow && s.TargetId == ServerA);
    }

    [SkippableFact]
    public async Task ReadEventsAsync_CollectedEvent_RoundTripsItsFields()
    {
        await using var test = await CreateAsync();
        await using var store = CollectedDataStore.Open(test.Store);
        var fields = new Dictionary<string, string>
        {
            ["EventDisplayNumber"] = "7036",
            ["EventLevel"] = "4",
            ["EventCategory"] = "0",
            ["Channel"] = "System",
            ["PublisherName"] = "Service Control Manager",
            ["LoggingComputer"] = "srv-01.contoso.com",
            ["UserName"] = "N/A",
            ["EventDescription"] = "The «Print Spooler» service entered the stopped state. 東京",
        };
        store.Collect("Test.Perf!Test.Perf.CollectServiceEvents", ServerA, new TestEventData(T0.AddSeconds(5), fields));
        store.Collect("Test.Perf!Test.Perf.CollectServiceEvents", ServerA, new TestEventData(T0.AddSeconds(9), new Dictionary<string, string> { ["Channel"] = "Application" }));
        store.Collect("Test.Perf!Test.Perf.CollectServiceEvents", ServerB, new TestEventData(T0.AddSeconds(6), fields));
        await store.FlushAsync(default);

        var events = await store.ReadEventsAsync(ServerA, T0, T0.AddMinutes(1), default);

        events.Should().Equal(
            new CollectedEvent("Test.Perf!Test.Perf.CollectServiceEvents", ServerA, T0.AddSeconds(5), "Microsoft.Windows.EventData", 7036, 4, 0, "System",
                "Service Control Manager", "srv-01.contoso.com", "N/A", "The «Print Spooler» service entered the stopped state. 東京"),
            new CollectedEvent("Test.Perf!Test.Perf.CollectServiceEvents", ServerA, T0.AddSeconds(9), "Microsoft.Windows.EventData", null, null, null, "Application",
                null, null, null, null));
    }

    [SkippableFact]
    public async Task Collect_BufferFullWhileTheDatabaseIsLocked_RefusesAndThenWritesEveryAcceptedItem()
    {
        await using var test = await CreateAsync();
        await using var store = CollectedDataStore.Open(test.Store, new CollectedDataOptions { Capacity = 4, BatchSize = 2 });
        var accepted = 0;
        InvalidOperationException? refused = null;
        await using (var blocker = await test.ConnectAsync())
        {
            await using var transaction = await LockSamplesAsync(blocker);
            for (var i = 0; i < 50 && refused is null; i++)
            {
                try
                {
                    store.Collect(Workflow, ServerA, Cpu(i, i));
                    accepted++;
                }
                catch (InvalidOperationException e)
                {
                    refused = e;
                }
            }

            await transaction.RollbackAsync();
        }

        await store.FlushAsync(default);

        refused.Should().NotBeNull();
        refused!.Message.Should().Contain("buffer is full").And.Contain(Workflow);
        accepted.Should().BeInRange(4, 6, "the buffer holds 4 and the blocked writer at most one batch of 2");
        (await ReadCpuAsync(store)).Select(s => s.Value!.Value).Should().Equal(Enumerable.Range(0, accepted).Select(i => (double)i));
    }

    [SkippableFact]
    public async Task Collect_AfterDispose_IsRefused()
    {
        await using var test = await CreateAsync();
        var store = CollectedDataStore.Open(test.Store);
        await store.DisposeAsync();

        var collect = () => store.Collect(Workflow, ServerA, Cpu(0, 1));

        collect.Should().Throw<ObjectDisposedException>();
    }

    private static long Count(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private async Task<DbTransaction> LockSamplesAsync(DbConnection connection)
    {
        // SQLite: the blocker holds the write lock; PostgreSQL: the table, so the writer's COPY waits.
        var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = provider == StoreProvider.Postgres
            ? "LOCK TABLE performance_samples IN ACCESS EXCLUSIVE MODE"
            : "INSERT INTO collected_events (workflow_id, target_id, time, type_name) VALUES ('lock', x'00', 0, 'lock')";
        await command.ExecuteNonQueryAsync();
        return transaction;
    }
}
