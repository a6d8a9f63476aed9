using System.Diagnostics;
using System.Globalization;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.Storage;

namespace MonitoringHost.Benchmarks.InstanceSpace;

/// <summary>
/// Scenario run for the instance space over a real store: a 100,000-object snapshot with hosting depth 3
/// (computer → application → component, ~5 properties each) applied to an empty store, the same snapshot re-applied
/// with 1% of its objects changed, the memory the instance space holds per object, and a class query among
/// 1,000,000 objects. Prints each figure; run with <c>instance-space [--postgres CONNECTION]</c>.
/// </summary>
public static class InstanceSpaceScenario
{
    private const int Repeats = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var scratch = new ScratchStores(args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault());
        try
        {
            return await RunScenarioAsync(scratch, million: !args.Contains("--skip-million"));
        }
        finally
        {
            await scratch.RemoveAsync();
        }
    }

    private static async Task<int> RunScenarioAsync(ScratchStores scratch, bool million)
    {
        var root = BenchmarkPaths.Root;
        var classes = LoadClasses(root);
        Console.WriteLine($"Instance space scenario on {scratch.ProviderName} ({Environment.ProcessorCount} cores, .NET {Environment.Version})");

        const int ReapplyRounds = 5;
        var snapshot = Snapshot(computers: 1_000, appsPerComputer: 9, componentsPerApp: 10, changedRounds: 0);
        var rounds = Enumerable.Range(1, ReapplyRounds).Select(r => Snapshot(1_000, 9, 10, changedRounds: r)).ToList();
        Console.WriteLine($"snapshot: {snapshot.Objects.Count:N0} objects; each re-apply changes another {snapshot.Objects.Count / 100:N0} of them");

        var apply = new List<double>();
        var reapply = new List<double>();
        var cold = new List<double>();

        // Run 0 warms up (its code compiled on first use): printed on its own, left out of the medians.
        for (var run = 0; run <= Repeats; run++)
        {
            await using var store = await scratch.OpenAsync(run.ToString(CultureInfo.InvariantCulture));
            using var space = await Discovery.Instances.InstanceSpace.OpenAsync(classes, store, TimeProvider.System, CancellationToken.None);
            var watch = Stopwatch.StartNew();
            var first = await space.ApplyAsync(snapshot, CancellationToken.None);
            (run == 0 ? cold : apply).Add(watch.Elapsed.TotalMilliseconds);
            if (first.Created.Count != snapshot.Objects.Count)
            {
                throw new InvalidOperationException($"unexpected result: {first.Created.Count} created");
            }

            // Steady state: later on (once the store has copied the first commit from its log into the database file),
            // the same source sends its snapshot again and again, 1% of it different each time.
            await store.WhenIdleAsync();
            foreach (var round in rounds)
            {
                watch.Restart();
                var again = await space.ApplyAsync(round, CancellationToken.None);
                (run == 0 ? cold : reapply).Add(watch.Elapsed.TotalMilliseconds);
                if (again.Updated.Count != snapshot.Objects.Count / 100 || again.Created.Count + again.Removed.Count != 0)
                {
                    throw new InvalidOperationException($"unexpected result: {again.Updated.Count} updated");
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up run (code compiled on first use; not in the medians): apply {cold[0]:0.0} ms, re-applies {string.Join(", ", cold.Skip(1).Select(m => m.ToString("0.0", CultureInfo.InvariantCulture)))} ms"));
        Console.WriteLine(Figure("apply 100,000-object snapshot to an empty store", apply, "target <= 2000 ms on SQLite"));
        Console.WriteLine(Figure("re-apply it with 1% of objects changed (each time another 1%)", reapply, "target <= 200 ms"));

        if (million)
        {
            await MillionAsync(classes, scratch);
        }

        return 0;
    }

    private static async Task MillionAsync(ClassCatalog classes, ScratchStores scratch)
    {
        await using var store = await scratch.OpenAsync("million");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var space = await Discovery.Instances.InstanceSpace.OpenAsync(classes, store, TimeProvider.System, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        for (var part = 0; part < 10; part++)
        {
            await space.ApplyAsync(Snapshot(1_000, 9, 10, 0, prefix: $"p{part}", source: $"part{part}"), CancellationToken.None);
        }

        var loadTime = watch.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var count = space.Count;
        Console.WriteLine($"1,000,000 objects: built in {loadTime.TotalSeconds:0.0} s through the store; {count:N0} objects; instance space memory {(after - before) / (double)count:0} bytes per object ({(after - before) / 1024.0 / 1024.0:0} MB)");

        var queries = new List<double>();
        var found = 0;
        for (var i = 0; i < 5; i++)
        {
            watch.Restart();
            found = space.OfClass("Test.App").Count;
            queries.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(Figure($"query all Test.App objects ({found:N0}) among {count:N0}", queries, ""));
        var derived = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            watch.Restart();
            found = space.OfClass("System.Entity").Count;
            derived.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(Figure($"query all System.Entity objects, derived classes included ({found:N0})", derived, ""));
        watch.Restart();
        GC.KeepAlive(space);
    }

    private static string Figure(string what, List<double> milliseconds, string target)
    {
        var sorted = milliseconds.Order().ToList();
        var median = sorted[sorted.Count / 2];
        return string.Create(CultureInfo.InvariantCulture, $"{what}: median {median:0.0} ms (runs: {string.Join(", ", milliseconds.Select(m => m.ToString("0.0", CultureInfo.InvariantCulture)))} ms){(target.Length > 0 ? $"; {target}" : "")}");
    }

    /// <summary>The scenario's snapshot; objects whose index modulo 100 is below <paramref name="changedRounds"/> carry a changed display name.</summary>
    private static DiscoveryData Snapshot(int computers, int appsPerComputer, int componentsPerApp, int changedRounds, string prefix = "n", string source = "bench")
    {
        var objects = new List<ObjectData>(computers * (1 + appsPerComputer * (1 + componentsPerApp)));
        var index = 0;
        for (var c = 0; c < computers; c++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}{c:D5}.bench.contoso.com");
            var computer = new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?>
            {
                ["PrincipalName"] = name,
                ["NetworkName"] = name,
                ["IPAddress"] = string.Create(CultureInfo.InvariantCulture, $"10.{c / 65536 % 256}.{c / 256 % 256}.{c % 256}"),
                ["DomainDnsName"] = "bench.contoso.com",
                ["DisplayName"] = name,
            });
            objects.Add(Changed(computer));

            // Hosts are named by their keys alone, as discovery data names them.
            var computerKey = new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = name });
            for (var a = 0; a < appsPerComputer; a++)
            {
                var app = new ObjectData("Test.App", new Dictionary<string, string?>
                {
                    ["InstanceName"] = string.Create(CultureInfo.InvariantCulture, $"App{a}"),
                    ["Version"] = "1.0",
                    ["Port"] = (8000 + a).ToString(CultureInfo.InvariantCulture),
                    ["Tier"] = a % 2 == 0 ? "web" : "data",
                }, computerKey);
                var appKey = new ObjectData("Test.App", new Dictionary<string, string?> { ["InstanceName"] = app.Properties["InstanceName"] }, computerKey);
                objects.Add(Changed(app));
                for (var k = 0; k < componentsPerApp; k++)
                {
                    objects.Add(Changed(new ObjectData("Test.Component", new Dictionary<string, string?>
                    {
                        ["ComponentName"] = string.Create(CultureInfo.InvariantCulture, $"Component{k}"),
                        ["Size"] = (k * 1.5).ToString(CultureInfo.InvariantCulture),
                        ["Owner"] = "ops",
                        ["State"] = "Running",
                        ["DisplayName"] = string.Create(CultureInfo.InvariantCulture, $"Component {k}"),
                    }, appKey)));
                }
            }
        }

        return DiscoveryData.Snapshot(DiscoverySource.Sdk(source), objects);

        ObjectData Changed(ObjectData item)
        {
            var change = index++ % 100 < changedRounds;
            if (!change)
            {
                return item;
            }

            var properties = new Dictionary<string, string?>(item.Properties) { ["DisplayName"] = "changed " + (item.Properties.GetValueOrDefault("DisplayName") ?? item.ClassName) };
            return item with { Properties = properties };
        }
    }

    private static ClassCatalog LoadClasses(string root)
    {
        var libraries = ShippedLibraries.Read(Path.Combine(root, "packs", "libraries"));
        var result = PackSetLoader.Load([Path.Combine(root, "tests", "Shared", "Packs", "Test.Instances.xml")], libraries.Packs);
        return result.HasErrors ? throw new InvalidOperationException("the scenario pack does not validate") : new ClassCatalog(result.Packs);
    }
}
