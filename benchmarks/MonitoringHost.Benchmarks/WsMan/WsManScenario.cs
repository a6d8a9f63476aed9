using System.Diagnostics;
using MonitoringHost.Probes.WsMan;
using MonitoringHost.Tests.Shared.WsMan;

namespace MonitoringHost.Benchmarks.WsMan;

/// <summary>
/// The WS-Man client's scenario (<c>wsman</c>): full enumerations of Win32_Service (200 services, pages of 50: one
/// optimized Enumerate and three Pulls, Basic authentication over HTTP) against the WinRM test endpoint on 127.0.0.1
/// in the same process, so the figures include the endpoint's own work. Prints enumerations and instances per second
/// and the latency of one enumeration, one caller after another and with four callers on one client at once.
/// </summary>
public static class WsManScenario
{
    private const int Services = 200;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"WS-Man scenario ({Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC})");
        await using var endpoint = await WsManTestEndpoint.StartAsync();
        endpoint.Services = [.. Enumerable.Range(1, Services).Select(i => new TestWindowsService($"svc{i:000}", $"Benchmark Service {i}", 1000 + i))];
        using var client = new WsManClient(endpoint.Target() with { MaxElements = 50 });

        for (var i = 0; i < 20; i++)
        {
            await EnumerateAsync(client);
        }

        foreach (var callers in new[] { 1, 4 })
        {
            var latencies = new List<double>[callers];
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async c =>
            {
                latencies[c] = [];
                while (watch.Elapsed < Duration)
                {
                    var started = Stopwatch.GetTimestamp();
                    await EnumerateAsync(client);
                    latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }));
            var seconds = watch.Elapsed.TotalSeconds;
            var all = latencies.SelectMany(l => l).ToList();
            Console.WriteLine($"{callers} caller(s): {all.Count} enumerations of {Services} services in {seconds:0.00} s = {all.Count / seconds:0.0} enumerations/s, {all.Count * Services / seconds:0} instances/s; {Percentiles.Describe(all)}");
        }

        Console.WriteLine($"endpoint: {endpoint.Enumerations} Enumerate, {endpoint.Pulls} Pull, {endpoint.OpenContexts} contexts left open");
        return 0;
    }

    private static async Task EnumerateAsync(WsManClient client)
    {
        var count = 0;
        await foreach (var service in client.EnumerateInstancesAsync("Win32_Service", CancellationToken.None))
        {
            if (service.GetString("State") is not null)
            {
                count++;
            }
        }

        if (count != Services)
        {
            throw new InvalidOperationException($"an enumeration read {count} services, not {Services}");
        }
    }
}
