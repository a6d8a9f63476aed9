using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Storage;

namespace MonitoringHost.Benchmarks.Operations;

/// <summary>
/// The whole health and alert path with persistence: unit monitor changes reported as the workflow host reports
/// them go through the operations engine (health model, rollup, alert manager) and are group-committed to a real
/// store (SQLite file, or PostgreSQL with <c>--postgres</c>). Two workloads: "rollup", 100,000 objects in six levels
/// linked by containment, leaf monitors flipped, each change rolled up through dependency monitors to the top (no
/// alerts); "alerting", 10,000 services on 1,000 computers whose port monitors flip so that every flip raises or
/// auto-resolves an alert. Each run reports 100,000 flips. Prints state changes
/// per second (unit monitors and the rollups they cause, counted as committed), monitor flips per second and alert
/// changes per second, median of five runs after a warm-up, timed from the first report until the last is durable.
/// </summary>
public static class OperationsEngineScenario
{
    private const int Computers = 1_000;
    private const int ServicesPerComputer = 10;
    private const int Flips = 100_000;
    private static readonly int[] Levels = [1, 10, 100, 1_000, 10_000, 88_889];

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var scratch = new ScratchStores(postgres);
        Console.WriteLine($"Operations engine scenario on {scratch.ProviderName} ({Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC})");
        try
        {
            await WorkloadAsync(scratch, "rollup", "Benchmark.Health.xml", RollupSnapshot(), "Benchmark.Health.Node", "Benchmark.Health!Benchmark.Health.Node.Check",
                ["Healthy", "Failed"], monitors => [.. monitors.Where(m => m.Target["Name"]!.StartsWith($"L{Levels.Length - 1}N", StringComparison.Ordinal))],
                "6 levels of 100,000 objects; leaf monitors flipped; every change rolls up through dependency monitors to the top, no alerts");
            await WorkloadAsync(scratch, "alerting", "Benchmark.Alerts.xml", AlertingSnapshot(), "Benchmark.Alerts.Service", "Benchmark.Alerts!Benchmark.Alerts.Port.Monitor",
                ["NotOpen", "Open"], monitors => monitors,
                "10,000 services on 1,000 computers; port monitors flipped; every flip raises or auto-resolves an alert");
        }
        finally
        {
            await scratch.RemoveAsync();
        }

        return 0;
    }

    private static async Task WorkloadAsync(
        ScratchStores scratch, string name, string pack, DiscoveryData snapshot, string className, string monitorId, string[] states,
        Func<WorkflowInstance[], WorkflowInstance[]> flipped, string description)
    {
        var classes = BenchmarkPacks.Load(BenchmarkPacks.Pack(pack));
        await using var instanceStore = await scratch.OpenAsync($"engine_{name}");
        var counting = new CountingStore(OperationsStore.For(instanceStore));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        using var space = await Discovery.Instances.InstanceSpace.OpenAsync(classes, instanceStore, time, CancellationToken.None);
        await space.ApplyAsync(snapshot, CancellationToken.None);
        await using var engine = new OperationsEngine(space, counting, time);
        var results = new WorkflowResults(new InstanceSpaceDiscoverySink(space));
        var services = new RuntimeServices { Time = time, Classes = classes, Alerts = engine, Discovery = new InstanceSpaceDiscoverySink(space), Collected = new NoCollection() };

        // The clock never moves: the host's own schedules never fire; the scenario reports the monitor changes.
        await using var host = new WorkflowHost(space, new WorkflowCompiler(classes.Packs, ModuleCatalog.Default), services, results);
        await engine.StartAsync(host, results, CancellationToken.None);
        await host.StartAsync(CancellationToken.None);
        var monitors = flipped([.. space.OfClass(className).Select(o => host.InstancesOf(o.Id).Single(i => i.Workflow.Id == monitorId))]);

        Console.WriteLine($"{name}: {description}");
        var figures = new List<(double Changes, double Flips, double Alerts, double InStore)>();
        for (var run = 0; run <= 5; run++)
        {
            var measured = await RunOnceAsync(engine, results, counting, monitors, states, time, run);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(run == 0 ? "warm-up" : $"run {run}")}: {measured.Changes:N0} state changes/s, {measured.Flips:N0} monitor flips/s, {measured.Alerts:N0} alert creations and updates/s; the store's commits took {measured.InStore:P0} of the time; {counting.Commits:N0} commits so far"));
            if (run > 0)
            {
                figures.Add(measured);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: state changes through rollup and persistence ({scratch.ProviderName}): median {Median(figures.Select(f => f.Changes)):N0}/s; monitor flips median {Median(figures.Select(f => f.Flips)):N0}/s; alert creations and updates median {Median(figures.Select(f => f.Alerts)):N0}/s; target >= 20,000 state changes/s on SQLite"));
    }

    private static async Task<(double Changes, double Flips, double Alerts, double InStore)> RunOnceAsync(
        OperationsEngine engine, WorkflowResults results, CountingStore counting, WorkflowInstance[] monitors, string[] states, FakeTimeProvider time, int run)
    {
        await engine.FlushAsync();
        var (changes, alerts, committing) = (counting.StateChanges, counting.AlertChanges, counting.Committing);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Flips; i++)
        {
            // Each monitor alternates between the two states, round after round over the monitors.
            var round = ((long)run * Flips + i) / monitors.Length;
            var state = states[round % 2];
            results.MonitorState(monitors[i % monitors.Length], state, new PropertyBagData(time.GetUtcNow(), [new KeyValuePair<string, string>("State", state)]));
        }

        await engine.FlushAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        return ((counting.StateChanges - changes) / seconds, Flips / seconds, (counting.AlertChanges - alerts) / seconds, (counting.Committing - committing).TotalSeconds / seconds);
    }

    private static DiscoveryData AlertingSnapshot()
    {
        var objects = new List<ObjectData>();
        for (var c = 0; c < Computers; c++)
        {
            var computer = new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = $"host{c:D4}.contoso.com" });
            objects.Add(computer);
            for (var s = 0; s < ServicesPerComputer; s++)
            {
                objects.Add(new ObjectData("Benchmark.Alerts.Service", new Dictionary<string, string?> { ["Name"] = $"svc{s}", ["Port"] = (8000 + s).ToString(CultureInfo.InvariantCulture) }, computer));
            }
        }

        return DiscoveryData.Snapshot(Discovery.Instances.DiscoverySource.Sdk("benchmark"), objects);
    }

    /// <summary>Levels of 1, 10, 100, 1,000, 10,000 and 88,889 nodes (100,000 in all), each node contained by one of the level above.</summary>
    private static DiscoveryData RollupSnapshot()
    {
        var objects = new List<ObjectData>();
        var relationships = new List<RelationshipData>();
        var above = new List<ObjectData>();
        for (var level = 0; level < Levels.Length; level++)
        {
            var here = new List<ObjectData>(Levels[level]);
            for (var i = 0; i < Levels[level]; i++)
            {
                var node = new ObjectData("Benchmark.Health.Node", new Dictionary<string, string?> { ["Name"] = $"L{level}N{i}" });
                here.Add(node);
                if (above.Count > 0)
                {
                    relationships.Add(new RelationshipData("Benchmark.Health.NodeContainsNode", above[i % above.Count], node));
                }
            }

            objects.AddRange(here);
            above = here;
        }

        return DiscoveryData.Snapshot(Discovery.Instances.DiscoverySource.Sdk("benchmark"), objects, relationships);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The real store, counting what it committed.</summary>
    private sealed class CountingStore(IOperationsStore inner) : IOperationsStore
    {
        private long _stateChanges;
        private long _alertChanges;
        private long _commits;
        private long _committingTicks;

        public long StateChanges => Interlocked.Read(ref _stateChanges);

        public long AlertChanges => Interlocked.Read(ref _alertChanges);

        public long Commits => Interlocked.Read(ref _commits);

        public Task<OperationsSnapshot> LoadAsync(CancellationToken cancellationToken) => inner.LoadAsync(cancellationToken);

        public Task<IReadOnlyList<global::MonitoringHost.Runtime.Maintenance.MaintenanceSchedule>> ReadMaintenanceSchedulesAsync(CancellationToken cancellationToken) =>
            inner.ReadMaintenanceSchedulesAsync(cancellationToken);

        /// <summary>Time spent inside the store's commits.</summary>
        public TimeSpan Committing => TimeSpan.FromTicks(Interlocked.Read(ref _committingTicks));

        public async Task CommitAsync(OperationsBatch batch, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            await inner.CommitAsync(batch, cancellationToken);
            Interlocked.Add(ref _committingTicks, Stopwatch.GetElapsedTime(started).Ticks);
            Interlocked.Add(ref _stateChanges, batch.StateChanges.Count);
            Interlocked.Add(ref _alertChanges, batch.CreatedAlerts.Count + batch.UpdatedAlerts.Count);
            Interlocked.Increment(ref _commits);
        }
    }

    /// <summary>Collection rules do not run here.</summary>
    private sealed class NoCollection : ICollectedDataSink
    {
        public void Collect(string workflowId, Guid targetId, DataItem item) => throw new InvalidOperationException($"no collection rule runs in this scenario ({workflowId})");
    }
}
