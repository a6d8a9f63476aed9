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
/// store (SQLite file, or PostgreSQL with <c>--postgres</c>). 10,000 services on 1,000 computers; each run flips
/// 100,000 port monitors (Open ↔ NotOpen, so every flip also raises or auto-resolves an alert). Prints state changes
/// per second (unit monitors and the rollups they cause, counted as committed), monitor flips per second and alert
/// changes per second, median of five runs after a warm-up, timed from the first report until the last is durable.
/// </summary>
public static class OperationsEngineScenario
{
    private const int Computers = 1_000;
    private const int ServicesPerComputer = 10;
    private const int Flips = 100_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var scratch = new ScratchStores(postgres);
        Console.WriteLine($"Operations engine scenario on {scratch.ProviderName} ({Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC})");
        try
        {
            var classes = BenchmarkPacks.Load(BenchmarkPacks.Pack("Benchmark.Alerts.xml"));
            await using var instanceStore = await scratch.OpenAsync("engine");
            var counting = new CountingStore(OperationsStore.For(instanceStore));
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
            using var space = await Discovery.Instances.InstanceSpace.OpenAsync(classes, instanceStore, time, CancellationToken.None);
            await space.ApplyAsync(Snapshot(), CancellationToken.None);
            await using var engine = new OperationsEngine(space, counting, time);
            var results = new WorkflowResults(new InstanceSpaceDiscoverySink(space));
            var services = new RuntimeServices { Time = time, Classes = classes, Alerts = engine, Discovery = new InstanceSpaceDiscoverySink(space), Collected = new NoCollection() };

            // The clock never moves: the host's own schedules never fire; the scenario reports the monitor changes.
            await using var host = new WorkflowHost(space, new WorkflowCompiler(classes.Packs, ModuleCatalog.Default), services, results);
            await engine.StartAsync(host, results, CancellationToken.None);
            await host.StartAsync(CancellationToken.None);
            var monitors = space.OfClass("Benchmark.Alerts.Service")
                .Select(s => host.InstancesOf(s.Id).Single(i => i.Workflow.Id == "Benchmark.Alerts!Benchmark.Alerts.Port.Monitor"))
                .ToArray();

            var figures = new List<(double Changes, double Flips, double Alerts, double InStore)>();
            for (var run = 0; run <= 5; run++)
            {
                var measured = await RunOnceAsync(engine, results, counting, monitors, time, run);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(run == 0 ? "warm-up" : $"run {run}")}: {measured.Changes:N0} state changes/s, {measured.Flips:N0} monitor flips/s, {measured.Alerts:N0} alert creations and updates/s; the store's commits took {measured.InStore:P0} of the time; {counting.Commits:N0} commits so far"));
                if (run > 0)
                {
                    figures.Add(measured);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"state changes through rollup and persistence ({scratch.ProviderName}): median {Median(figures.Select(f => f.Changes)):N0}/s; monitor flips median {Median(figures.Select(f => f.Flips)):N0}/s; alert creations and updates median {Median(figures.Select(f => f.Alerts)):N0}/s; target >= 20,000 state changes/s on SQLite"));
        }
        finally
        {
            await scratch.RemoveAsync();
        }

        return 0;
    }

    private static async Task<(double Changes, double Flips, double Alerts, double InStore)> RunOnceAsync(
        OperationsEngine engine, WorkflowResults results, CountingStore counting, WorkflowInstance[] monitors, FakeTimeProvider time, int run)
    {
        await engine.FlushAsync();
        var (changes, alerts, committing) = (counting.StateChanges, counting.AlertChanges, counting.Committing);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Flips; i++)
        {
            // Each monitor alternates: even rounds over the services close the port, odd ones open it again.
            var round = ((long)run * Flips + i) / monitors.Length;
            var state = round % 2 == 0 ? "NotOpen" : "Open";
            results.MonitorState(monitors[i % monitors.Length], state, new PropertyBagData(time.GetUtcNow(), [new KeyValuePair<string, string>("State", state)]));
        }

        await engine.FlushAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        return ((counting.StateChanges - changes) / seconds, Flips / seconds, (counting.AlertChanges - alerts) / seconds, (counting.Committing - committing).TotalSeconds / seconds);
    }

    private static DiscoveryData Snapshot()
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
