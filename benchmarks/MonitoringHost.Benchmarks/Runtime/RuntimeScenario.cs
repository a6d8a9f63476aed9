using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Benchmarks.Runtime;

/// <summary>
/// Scenario runs for the workflow runtime; each prints its figures. <c>runtime [a] [b] [c] [d]</c> (all when none):
/// (a) executions per second of a data source → ExpressionFilter → write action workflow fed in-process, on one core;
/// (b) memory and CPU of 1,000,000 workflow instances scheduled every 60 s (100,000 objects × 10 rules) on the real
/// clock; (c) TCP port checks per second against 1,000 loopback listeners through the whole pipeline (probe →
/// ExpressionFilters → monitor state); (d) cookdown: 10 monitors sharing one TCP check on one object.
/// </summary>
public static class RuntimeScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parts = args.Skip(1).Where(a => a.Length == 1).ToHashSet(StringComparer.Ordinal);
        bool Runs(string part) => parts.Count == 0 || parts.Contains(part);
        Console.WriteLine($"Runtime scenario ({Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC})");
        if (Runs("a"))
        {
            await PipelineAsync();
        }

        if (Runs("c"))
        {
            await PortChecksAsync();
        }

        if (Runs("d"))
        {
            await CookdownAsync();
        }

        if (Runs("b"))
        {
            await MillionInstancesAsync();
        }

        return 0;
    }

    /// <summary>(a) One thread pushes property bags through the rule; half pass the filter and reach the write action.</summary>
    private static async Task PipelineAsync()
    {
        await using var scenario = await RuntimeScenarioHost.StartAsync(RuntimeScenarioHost.StoppedClock(), [RuntimeScenarioHost.Object("Benchmark.Pipeline", "p")]);
        await scenario.Host.StartAsync(CancellationToken.None);
        var (instance, source) = scenario.Instance("Benchmark.Pipeline", "p", "Benchmark.Filter.Rule");
        var items = Enumerable.Range(0, 100)
            .Select(i => new PropertyBagData(scenario.Time.GetUtcNow(), [new("Value", i.ToString(CultureInfo.InvariantCulture))]))
            .ToArray();
        const int PerRun = 1_000_000;
        var rates = new List<double>();

        // One core: the whole process is pinned to the first CPU while this part runs.
        using var process = Process.GetCurrentProcess();
        var affinity = OperatingSystem.IsLinux() || OperatingSystem.IsWindows() ? process.ProcessorAffinity : 0;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            process.ProcessorAffinity = 1;
        }
        for (var run = 0; run < 6; run++)
        {
            var counted = scenario.Count.Count;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < PerRun; i++)
            {
                await scenario.Host.ExecuteAsync(instance, source, items[i % items.Length], CancellationToken.None);
            }

            watch.Stop();
            if (scenario.Count.Count - counted != PerRun * 49L / 100)
            {
                throw new InvalidOperationException($"the filter passed {scenario.Count.Count - counted} items, not {PerRun * 49L / 100}");
            }

            if (run > 0)
            {
                rates.Add(PerRun / watch.Elapsed.TotalSeconds);
            }
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            process.ProcessorAffinity = affinity;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(a) DS -> ExpressionFilter -> write action, in-process source, pinned to one core: median {Median(rates):N0} executions/s (runs: {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}); 49% pass the filter; target >= 100,000/s"));
    }

    /// <summary>(c) Every monitor's whole pipeline, driven as fast as 2 cores allow, against 1,000 real listeners.</summary>
    private static async Task PortChecksAsync()
    {
        const int Listeners = 1_000;
        using var listeners = ListenerProcess.Start(Listeners);
        var objects = listeners.Ports.Select((port, i) => RuntimeScenarioHost.Object("Benchmark.Endpoint", $"e{i}", port)).ToList();
        // The real clock: probes time out on real timers, as in the host (the 60 s schedule adds about 17 checks/s).
        await using var scenario = await RuntimeScenarioHost.StartAsync(TimeProvider.System, objects);
        await scenario.Host.StartAsync(CancellationToken.None);
        var monitors = objects.Select((_, i) => scenario.Instance("Benchmark.Endpoint", $"e{i}", "Benchmark.Port.Monitor")).ToArray();
        var rates = new List<double>();
        for (var run = 0; run < 4; run++)
        {
            const int Checks = 60_000;
            var accepted = listeners.Accepted();
            var next = -1;
            var watch = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, 256).Select(async _ =>
            {
                await Task.Yield();
                for (var i = Interlocked.Increment(ref next); i < Checks; i = Interlocked.Increment(ref next))
                {
                    var (instance, source) = monitors[i % monitors.Length];
                    await scenario.Host.ExecuteAsync(instance, source, new TriggerData(scenario.Time.GetUtcNow()), CancellationToken.None);
                }
            }).ToList();
            await Task.WhenAll(workers);
            watch.Stop();
            var connections = listeners.AcceptedAtLeast(accepted + Checks) - accepted;
            if (run > 0)
            {
                rates.Add(Checks / watch.Elapsed.TotalSeconds);
            }

            if (connections < Checks * 0.99)
            {
                throw new InvalidOperationException($"only {connections} of {Checks} checks reached a listener");
            }
        }

        var open = monitors.Count(m => m.Instance.MonitorTypeState == "Open");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(c) TCP port checks against {Listeners:N0} loopback listeners (probe -> filters -> monitor state; listeners in a process of their own): median {Median(rates):N0} checks/s (runs: {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}); {open:N0} of {Listeners:N0} monitors Open; target >= 30,000/s"));
    }

    /// <summary>(d) Ten monitors on one object share one TCP check: the listener counts the connections.</summary>
    private static async Task CookdownAsync()
    {
        using var listeners = ListenerProcess.Start(1);
        var clock = RuntimeScenarioHost.StoppedClock();
        await using var scenario = await RuntimeScenarioHost.StartAsync(clock, [RuntimeScenarioHost.Object("Benchmark.SharedEndpoint", "shared", listeners.Ports[0])]);
        await scenario.Host.StartAsync(CancellationToken.None);
        const int Intervals = 10;
        for (var second = 0; second < Intervals * 60; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await scenario.Host.WhenIdleAsync();
        }

        var connections = listeners.AcceptedAtLeast(Intervals);
        var target = scenario.Space.WithProperty("Benchmark.SharedEndpoint", "Name", "shared").Single();
        var runs = scenario.Host.InstancesOf(target.Id).Sum(i => i.Runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(d) cookdown: 10 monitors on one object over {Intervals} intervals: {connections} TCP connections ({connections / (double)Intervals:0.0} per interval), {runs} monitor runs; without sharing it would be {10 * Intervals} connections"));
    }

    /// <summary>(b) 100,000 objects × 10 rules at 60 s on the real clock: memory of the instances, then CPU over one interval.</summary>
    private static async Task MillionInstancesAsync()
    {
        const int Nodes = 100_000;
        var objects = Enumerable.Range(0, Nodes).Select(i => RuntimeScenarioHost.Object("Benchmark.Node", $"n{i:D6}")).ToList();
        await using var scenario = await RuntimeScenarioHost.StartAsync(TimeProvider.System, objects);
        var before = Collected();
        var watch = Stopwatch.StartNew();
        await scenario.Host.StartAsync(CancellationToken.None);
        var created = watch.Elapsed;
        var after = Collected();
        var instances = scenario.Host.InstanceCount;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(b) {instances:N0} workflow instances ({Nodes:N0} objects x 10 rules, every 60 s): created in {created.TotalSeconds:0.0} s; {(after - before) / 1024.0 / 1024.0:N0} MB for the instances ({(after - before) / (double)instances:0} bytes each); process working set {Environment.WorkingSet / 1024.0 / 1024.0:N0} MB; target <= 1.5 GB"));

        // Let the first interval's spread runs settle in, then measure a whole interval.
        await Task.Delay(TimeSpan.FromSeconds(15));
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var runs = scenario.Count.Count;
        watch.Restart();
        await Task.Delay(TimeSpan.FromSeconds(60));
        process.Refresh();
        var cores = (process.TotalProcessorTime - cpu).TotalSeconds / watch.Elapsed.TotalSeconds;
        var done = scenario.Count.Count - runs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(b) over {watch.Elapsed.TotalSeconds:0} s: {done:N0} runs ({done / watch.Elapsed.TotalSeconds:N0}/s, expected {instances / 60.0:N0}/s), CPU {cores:0.00} cores; peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB; target <= 1 core"));
    }

    private static long Collected()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
