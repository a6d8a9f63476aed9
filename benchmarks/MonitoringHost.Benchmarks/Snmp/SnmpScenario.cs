using System.Diagnostics;
using System.Globalization;
using MonitoringHost.Probes.Snmp;

namespace MonitoringHost.Benchmarks.Snmp;

/// <summary>
/// The SNMP client's scenario (<c>snmp</c>) against a real agent (<c>--agent 127.0.0.1:port;community</c>, or the
/// <c>MH_TEST_SNMP</c> that test.sh exports): GETs of sysUpTime.0 per second one after another and with 8 in flight
/// on one client, and the time a GETBULK walk of ifTable takes. Median of five rounds each; every answer is checked.
/// </summary>
public static class SnmpScenario
{
    private const string SysUpTime = "1.3.6.1.2.1.1.3.0";
    private const string IfTable = "1.3.6.1.2.1.2.2";
    private const int Gets = 5_000;
    private const int Rounds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--agent");
        var text = index >= 0 && index + 1 < args.Length ? args[index + 1] : Environment.GetEnvironmentVariable("MH_TEST_SNMP");
        if (string.IsNullOrWhiteSpace(text))
        {
            Console.Error.WriteLine("snmp: give the agent as --agent '127.0.0.1:port;community' or in MH_TEST_SNMP");
            return 2;
        }

        var agent = SnmpAgent.Parse(text) with { Timeout = TimeSpan.FromSeconds(2), Retries = 0 };
        Console.WriteLine($"SNMP scenario ({Environment.ProcessorCount} cores, .NET {Environment.Version}) against {agent.Endpoint}");
        using var client = new SnmpClient(agent, TimeProvider.System);
        await GetAsync(client, 200, 1);
        await client.WalkAsync(IfTable, CancellationToken.None);

        var sequential = new List<double>();
        var concurrent = new List<double>();
        var walks = new List<double>();
        var walked = 0;
        for (var round = 0; round < Rounds; round++)
        {
            sequential.Add(await GetAsync(client, Gets, 1));
            concurrent.Add(await GetAsync(client, Gets, 8));
            var watch = Stopwatch.StartNew();
            var walk = await client.WalkAsync(IfTable, CancellationToken.None);
            watch.Stop();
            Check(walk);
            walked = walk.Variables.Length;
            walks.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET sysUpTime.0, one at a time: {Median(sequential):N0} GETs/s ({1000 / Median(sequential):0.000} ms each; rounds of {Gets:N0}, median of {Rounds})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET sysUpTime.0, 8 in flight on one client: {Median(concurrent):N0} GETs/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"walk of ifTable (GETBULK, {agent.MaxRepetitions} repetitions): {walked} variables in {Median(walks):0.00} ms (median of {Rounds})"));
        Console.WriteLine($"answers dropped (unmatched or unreadable): {client.Dropped}");
        return 0;
    }

    /// <summary>GETs per second with <paramref name="inFlight"/> requests outstanding at any time.</summary>
    private static async Task<double> GetAsync(SnmpClient client, int count, int inFlight)
    {
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var result = await client.GetAsync([SysUpTime], CancellationToken.None);
                Check(result);
                if (result.Variables[0].Value.Type != SnmpValueType.TimeTicks)
                {
                    throw new InvalidOperationException($"sysUpTime.0 came back as {result.Variables[0]}");
                }
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static void Check(SnmpResult result)
    {
        if (result.Error is not null)
        {
            throw new InvalidOperationException(result.Error.Message);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
