using System.Diagnostics;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Identity;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Runtime.Overrides;
using MonitoringHost.Storage;

namespace MonitoringHost.Benchmarks.Health;

/// <summary>
/// The health model's scenario (<c>health</c>): 100,000 nodes in six levels (1, 10, 100, 1,000, 10,000 and 88,889
/// nodes), each level's nodes containing the next's, nine monitors per node (three unit monitors, the five standard
/// aggregates, a dependency monitor over the children's availability). Prints (a) the time one unit monitor change
/// at the bottom takes through the rollup to the top (median and 99th percentile of 4,000), and (b) state changes
/// per second through the in-memory model while unit monitors flip at random over all nodes (median of five runs of
/// 1,000,000 flips, every state change counted). One thread, as the engine loop runs the model.
/// </summary>
public static class HealthScenario
{
    private const string Check = "Benchmark.Health!Benchmark.Health.Node.Check";
    private static readonly string[] Units = [Check, "Benchmark.Health!Benchmark.Health.Node.Latency", "Benchmark.Health!Benchmark.Health.Node.Config"];
    private static readonly string[] TypeStates = ["Healthy", "Degraded", "Failed"];
    private static readonly int[] Levels = [1, 10, 100, 1_000, 10_000, 88_889];

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"Health scenario ({Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC})");
        var folder = Path.Combine(Path.GetTempPath(), $"mh-bench-health-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var classes = LoadClasses();
        var store = await InstanceStoreFactory.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = folder }, CancellationToken.None);
        try
        {
            // The override resolver reads group membership from an instance space; the scenario's pack has no overrides,
            // so an empty one serves, and the objects go to the model as the instance space would announce them.
            using var space = await Discovery.Instances.InstanceSpace.OpenAsync(classes, store, TimeProvider.System, CancellationToken.None);
            Run(classes, space);
        }
        finally
        {
            await store.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static void Run(ClassCatalog classes, Discovery.Instances.InstanceSpace space)
    {
        var time = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var (change, levels) = Hierarchy(classes, time);
        var total = levels.Sum(l => l.Length);
        var definition = new HealthModelDefinition(classes);

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var model = new HealthModel(definition, new OverrideResolver(classes, space));
        model.ApplyInstanceSpaceChange(change, time, new OperationsBatch());
        watch.Stop();
        var memory = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        GC.KeepAlive(model);
        Console.WriteLine($"Model of {total:N0} objects and {total - 1:N0} relationships built in {watch.Elapsed.TotalMilliseconds:N0} ms; {memory / (double)total:N0} bytes per object (states, links and the objects' own records)");

        // Every node healthy first: a failure at the bottom then changes every level up to the top.
        var batch = new OperationsBatch();
        watch.Restart();
        foreach (var id in levels.SelectMany(l => l))
        {
            foreach (var unit in Units)
            {
                model.ApplyMonitorState(id, unit, "Healthy", time, null, batch);
            }
        }

        watch.Stop();
        Console.WriteLine($"All {total * Units.Length:N0} unit monitors set healthy in {watch.Elapsed.TotalMilliseconds:N0} ms ({batch.StateChanges.Count:N0} state changes)");
        var root = levels[0][0];
        Expect(model.EntityState(root) == HealthState.Success, "the top is healthy once every node is");

        BottomToTop(model, levels, root, time);
        Throughput(model, levels, time);
    }

    /// <summary>(a) A bottom node's check fails (and recovers): six levels of state changes up to the top.</summary>
    private static void BottomToTop(HealthModel model, Guid[][] levels, Guid root, DateTimeOffset time)
    {
        var random = new Random(7);
        var bottom = levels[^1];
        var samples = new List<double>();
        var changesPerFlip = 0;
        for (var i = 0; i < 2_000 + 200; i++)
        {
            var node = bottom[random.Next(bottom.Length)];
            foreach (var (state, top) in new[] { ("Failed", HealthState.Error), ("Healthy", HealthState.Success) })
            {
                var batch = new OperationsBatch();
                var start = Stopwatch.GetTimestamp();
                model.ApplyMonitorState(node, Check, state, time, null, batch);
                var elapsed = Stopwatch.GetElapsedTime(start);
                Expect(model.EntityState(root) == top, $"the top follows the bottom node to {top}");
                changesPerFlip = batch.StateChanges.Count;

                // The first 200 warm up the code paths.
                if (i >= 200)
                {
                    samples.Add(elapsed.TotalMicroseconds);
                }
            }
        }

        samples.Sort();
        Console.WriteLine($"(a) one change at the bottom through the rollup to the top: median {samples[samples.Count / 2]:N1} µs, p99 {samples[samples.Count * 99 / 100]:N1} µs ({samples.Count:N0} changes, {changesPerFlip} state changes each over {levels.Length} levels)");
    }

    /// <summary>(b) Random unit monitors of random nodes go to random states; a batch per 1,000 operations, as the engine commits.</summary>
    private static void Throughput(HealthModel model, Guid[][] levels, DateTimeOffset time)
    {
        const int Flips = 1_000_000;
        var all = levels.SelectMany(l => l).ToArray();
        var random = new Random(11);
        var rates = new List<(double Changes, double Applies, double PerCpuSecond)>();
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run < 6; run++)
        {
            var plan = Enumerable.Range(0, Flips).Select(_ => (Object: all[random.Next(all.Length)], Unit: Units[random.Next(Units.Length)], State: TypeStates[random.Next(TypeStates.Length)])).ToArray();
            long changes = 0;
            var batch = new OperationsBatch();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < plan.Length; i++)
            {
                model.ApplyMonitorState(plan[i].Object, plan[i].Unit, plan[i].State, time, null, batch);
                if (i % 1_000 == 999)
                {
                    changes += batch.StateChanges.Count;
                    batch = new OperationsBatch();
                }
            }

            changes += batch.StateChanges.Count;
            watch.Stop();
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            var seconds = watch.Elapsed.TotalSeconds;
            if (run == 0)
            {
                Console.WriteLine($"    warm-up run: {changes / seconds:N0} state changes/s");
                continue;
            }

            rates.Add((changes / seconds, Flips / seconds, changes / cpuSeconds));
            Console.WriteLine($"    run {run}: {Flips:N0} flips, {changes:N0} state changes in {seconds:N2} s ({cpuSeconds:N2} s of CPU, garbage collection included)");
        }

        var median = rates.OrderBy(r => r.Changes).ElementAt(rates.Count / 2);
        Console.WriteLine($"(b) state changes per second through the in-memory model: {median.Changes:N0} (median of {rates.Count} runs; {median.Applies:N0} unit monitor applies/s; {median.PerCpuSecond:N0} state changes per CPU second)");
    }

    /// <summary>The nodes level by level, and the change the instance space would announce for them.</summary>
    private static (InstanceSpaceChange Change, Guid[][] Levels) Hierarchy(ClassCatalog classes, DateTimeOffset time)
    {
        var type = classes.Class("Benchmark.Health.Node")!;
        var objects = new List<MonitoringObject>();
        var relationships = new List<RelationshipInstance>();
        var levels = new Guid[Levels.Length][];
        for (var depth = 0; depth < Levels.Length; depth++)
        {
            levels[depth] = new Guid[Levels[depth]];
            for (var i = 0; i < Levels[depth]; i++)
            {
                var name = $"L{depth}.{i}";
                var id = ObjectIdentity.ForObject(type, new Dictionary<string, string> { ["Name"] = name }, null);
                levels[depth][i] = id;
                objects.Add(new MonitoringObject(id, type.Name, name, name, null, ObjectProperties.From([new("Name", name)]), time, time));
                if (depth > 0)
                {
                    var parent = levels[depth - 1][i % Levels[depth - 1]];
                    relationships.Add(new RelationshipInstance(Guid.NewGuid(), "Benchmark.Health.NodeContainsNode", parent, id, time));
                }
            }
        }

        return (new InstanceSpaceChange(objects, [], [], relationships, [], 0), levels);
    }

    private static ClassCatalog LoadClasses()
    {
        var root = BenchmarkPaths.Root;
        var libraries = ShippedLibraries.Read(Path.Combine(root, "packs", "libraries"));
        var result = PackSetLoader.Load([Path.Combine(root, "benchmarks", "MonitoringHost.Benchmarks", "Packs", "Benchmark.Health.xml")], libraries.Packs);
        return result.HasErrors
            ? throw new InvalidOperationException("the scenario pack does not validate: " + string.Join(Environment.NewLine, result.Problems.Where(p => p.IsError)))
            : new ClassCatalog(result.Packs);
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"the scenario went wrong: {what}");
        }
    }
}
