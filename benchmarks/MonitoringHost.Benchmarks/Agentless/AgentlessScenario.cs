using System.Diagnostics;
using System.Globalization;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Server;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared.WsMan;

namespace MonitoringHost.Benchmarks.Agentless;

/// <summary>
/// The mixed agentless load (<c>agentless</c>): one management server (SQLite, this process) manages 1,000 computers
/// added through the API — Windows computers over WS-Man, and, when given, UNIX computers over SSH and network
/// devices over SNMP — each with 10 workflows every 60 s (its availability monitor and nine of the scenario pack:
/// service-state monitors, WMI discoveries, performance rules and monitors, shell-command monitors, SNMP
/// monitors and rules). Prints how long adding them took, then, over a measured window, workflow runs per second
/// against the schedule's rate, how late runs started, failed runs, the CPU and memory the process used, the protocol
/// requests the simulated computers answered, and open alerts. Then one WS-Man endpoint stops: how long until every
/// computer on it is Unavailable, and how many alerts that raised (one per computer, not one per workflow).
/// The simulated computers are in this process too (WS-Man test endpoints), or the real snmpd and sshd test.sh
/// starts (<c>--snmp</c>, <c>--ssh</c>, or MH_TEST_SNMP / MH_TEST_SSH): all share the machine's cores.
/// </summary>
public static class AgentlessScenario
{
    private const int WorkflowsPerComputer = 10;
    private const int Endpoints = 4;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var computers = Option(args, "--computers") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1000;
        var minutes = Option(args, "--minutes") is { } m ? double.Parse(m, CultureInfo.InvariantCulture) : 2;
        var addOnly = args.Contains("--add-only");
        var snmp = Option(args, "--snmp") ?? Environment.GetEnvironmentVariable("MH_TEST_SNMP");
        var ssh = Option(args, "--ssh") ?? Environment.GetEnvironmentVariable("MH_TEST_SSH");
        var mix = Mix.Of(computers, snmp is not null, ssh is not null);
        Console.WriteLine($"Agentless scenario ({Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC}): " +
            $"{mix.Windows} Windows (WS-Man, {Endpoints} test endpoints in this process), {mix.Unix} UNIX (SSH{(ssh is null ? ", no sshd given" : ": the real sshd")}), " +
            $"{mix.Devices} network devices (SNMP{(snmp is null ? ", no snmpd given" : ": the real snmpd")}), {WorkflowsPerComputer} workflows each every {Interval.TotalSeconds:0} s");

        var windows = new List<WsManTestEndpoint>();
        var scratch = new ScratchStores(null);
        try
        {
            for (var i = 0; i < Endpoints; i++)
            {
                windows.Add(await WsManTestEndpoint.StartAsync());
            }

            var options = new ServerOptions
            {
                Store = await scratch.CreateAsync("agentless"),
                Urls = "http://127.0.0.1:0",
                LibraryFolder = Path.Combine(BenchmarkPaths.Root, "packs", "libraries"),
                Packs = [BenchmarkPacks.Pack("Benchmark.Agentless.xml")],
            };
            await using var server = await ManagementServer.StartAsync(options, CancellationToken.None);
            await using var app = ServerApp.Build(server);
            await app.StartAsync();
            var key = (await server.Keys.CreateAsync("benchmark", ApiRole.Administrator, "benchmark", null, CancellationToken.None)).Key;
            using var client = new MonitoringHostClient(new Uri(app.Urls.Single()), key);

            var added = await AddAsync(client, mix, windows, snmp, ssh);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"add: {computers:N0} computers through POST /computers (8 at a time) in {added.Total.TotalSeconds:0.0} s = {computers / added.Total.TotalSeconds:0} computers/s " +
                $"(the first tenth {added.FirstTenth:0}/s, the last tenth {added.LastTenth:0}/s); {server.Host.InstanceCount:N0} workflow instances"));
            if (addOnly)
            {
                return 0;
            }

            // One interval to settle: every instance runs once at its own offset.
            await Task.Delay(Interval);
            var before = Sample.Take(server, windows);
            await Task.Delay(TimeSpan.FromMinutes(minutes));
            var after = Sample.Take(server, windows);
            Report(before, after, mix.ScheduledRunsPerSecond);
            var open = await OpenAlertsAsync(client);
            Console.WriteLine($"steady: {open} open alerts");

            await OutageAsync(server, client, windows[0], mix.Windows / Endpoints + (mix.Windows % Endpoints > 0 ? 1 : 0));
        }
        finally
        {
            foreach (var endpoint in windows)
            {
                await endpoint.DisposeAsync();
            }

            await scratch.RemoveAsync();
        }

        return 0;
    }

    /// <summary>Adds the computers 8 at a time: the whole time, and the rates of the first and the last tenth of the adds.</summary>
    private static async Task<(TimeSpan Total, double FirstTenth, double LastTenth)> AddAsync(MonitoringHostClient client, Mix mix, List<WsManTestEndpoint> windows, string? snmp, string? ssh)
    {
        var windowsAccount = await client.SaveRunAsAccountAsync(new RunAsAccountDefinition("windows", "Windows",
            new Dictionary<string, string> { ["UserName"] = "svc-monitor", ["Domain"] = "CONTOSO", ["Password"] = WsManTestEndpoint.DefaultPassword }));
        var definitions = new List<ManagedComputerDefinition>();
        for (var i = 0; i < mix.Windows; i++)
        {
            definitions.Add(new ManagedComputerDefinition($"win{i:0000}.bench.test", "wsman", "127.0.0.1", windows[i % windows.Count].Port, RunAsAccount: windowsAccount.Name));
        }

        if (ssh is not null)
        {
            var parts = ssh.Split(';');
            var account = await client.SaveRunAsAccountAsync(new RunAsAccountDefinition("unix", "Basic", new Dictionary<string, string> { ["UserName"] = parts[2], ["Password"] = parts[3] }));
            for (var i = 0; i < mix.Unix; i++)
            {
                definitions.Add(new ManagedComputerDefinition($"unix{i:0000}.bench.test", "ssh", parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), TrustOnFirstUse: true, RunAsAccount: account.Name));
            }
        }

        if (snmp is not null)
        {
            var (endpoint, community) = (snmp.Split(';')[0], snmp.Split(';')[1]);
            var account = await client.SaveRunAsAccountAsync(new RunAsAccountDefinition("snmp", "SnmpCommunity", new Dictionary<string, string> { ["CommunityString"] = community }));
            var colon = endpoint.LastIndexOf(':');
            for (var i = 0; i < mix.Devices; i++)
            {
                definitions.Add(new ManagedComputerDefinition($"sw{i:0000}.bench.test", "snmp", endpoint[..colon], int.Parse(endpoint[(colon + 1)..], CultureInfo.InvariantCulture), RunAsAccount: account.Name));
            }
        }

        var watch = Stopwatch.StartNew();
        var done = new System.Collections.Concurrent.ConcurrentBag<double>();
        await Parallel.ForEachAsync(definitions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (definition, cancellationToken) =>
        {
            await client.AddComputerAsync(definition, cancellationToken);
            done.Add(watch.Elapsed.TotalSeconds);
        });
        var total = watch.Elapsed;
        var times = done.Order().ToArray();
        var tenth = Math.Max(1, times.Length / 10);
        return (total, tenth / times[tenth - 1], tenth / (times[^1] - times[^(tenth + 1)]));
    }

    private static void Report(Sample before, Sample after, double scheduled)
    {
        var seconds = (after.At - before.At).TotalSeconds;
        var runs = after.Runs - before.Runs;
        var failed = after.Failed - before.Failed;
        var lag = runs > 0 ? (after.Lag - before.Lag).TotalMilliseconds / runs : 0;
        var cpu = (after.Cpu - before.Cpu).TotalSeconds / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"steady over {seconds:0} s: {runs / seconds:0.0} workflow runs/s started (the schedules ask {scheduled:0.0}/s), " +
            $"{failed:N0} failed ({100.0 * failed / Math.Max(1, runs):0.00}%), average start lag {lag:0.0} ms, CPU {cpu:0.00} cores of {Environment.ProcessorCount} (the simulated computers included), " +
            $"working set {after.WorkingSet / 1048576.0:0} MiB, managed heap {after.Heap / 1048576.0:0} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"steady: the WS-Man endpoints answered {(after.Enumerations - before.Enumerations) / seconds:0.0} enumerations/s ({(after.Pulls - before.Pulls) / seconds:0.0} pulls/s)"));
    }

    private static async Task OutageAsync(ManagementServer server, MonitoringHostClient client, WsManTestEndpoint endpoint, int affected)
    {
        var alertsBefore = await OpenAlertsAsync(client);
        var failedBefore = server.Host.RunsFailed;
        var watch = Stopwatch.StartNew();
        await endpoint.DisposeAsync();
        var port = endpoint.Port;
        var deadline = Interval * 3;
        int unavailable;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            unavailable = server.Computers.Computers.Count(c => c.Port == port && c.Protocol == "wsman"
                && server.Agentless.Reachability.State("wsman", c.Endpoint.HostKey) is { Reachable: false });
        }
        while (unavailable < affected && watch.Elapsed < deadline);

        var seenAll = watch.Elapsed;

        // One more interval: every workflow of those computers comes due once; they must back off, not alert.
        await Task.Delay(Interval);
        var alerts = await OpenAlertsAsync(client) - alertsBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outage: one WS-Man endpoint ({affected} computers) stopped: all {unavailable} seen unreachable after {seenAll.TotalSeconds:0.0} s; " +
            $"one interval later {alerts} new open alerts (one per computer is {affected}; one per workflow would be {affected * WorkflowsPerComputer}); " +
            $"{server.Host.RunsFailed - failedBefore:N0} runs ended without output (backed off or failed)"));
    }

    private static async Task<int> OpenAlertsAsync(MonitoringHostClient client)
    {
        var count = 0;
        await foreach (var _ in client.GetAlertsAsync(open: true, pageSize: 1000))
        {
            count++;
        }

        return count;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private sealed record Mix(int Windows, int Unix, int Devices)
    {
        /// <summary>
        /// Data source runs per second the schedules ask for: every workflow every 60 s, but the library's service
        /// monitor type polls every 30 s (its Frequency), and the WMI discovery and the free memory monitor of a Windows
        /// computer ask the same query, so cookdown runs that source once for both.
        /// </summary>
        public double ScheduledRunsPerSecond => ((Windows * (WorkflowsPerComputer + 5 - 1)) + ((Unix + Devices) * WorkflowsPerComputer)) / Interval.TotalSeconds;

        public static Mix Of(int computers, bool snmp, bool ssh)
        {
            var unix = ssh ? computers * 3 / 10 : 0;
            var devices = snmp ? computers * 3 / 10 : 0;
            return new Mix(computers - unix - devices, unix, devices);
        }
    }

    private sealed record Sample(DateTimeOffset At, long Runs, long Failed, TimeSpan Lag, TimeSpan Cpu, long WorkingSet, long Heap, long Enumerations, long Pulls)
    {
        public static Sample Take(ManagementServer server, List<WsManTestEndpoint> windows)
        {
            using var process = Process.GetCurrentProcess();
            return new Sample(
                DateTimeOffset.UtcNow, server.Host.RunsStarted, server.Host.RunsFailed, server.Host.StartLagTotal, process.TotalProcessorTime, process.WorkingSet64,
                GC.GetTotalMemory(false), windows.Sum(w => (long)w.Enumerations), windows.Sum(w => (long)w.Pulls));
        }
    }
}
