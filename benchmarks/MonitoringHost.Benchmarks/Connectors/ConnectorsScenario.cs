using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Server;
using MonitoringHost.Storage;

namespace MonitoringHost.Benchmarks.Connectors;

/// <summary>
/// Connectors against a real management server on a loopback port, over a real store (SQLite file, or PostgreSQL with
/// <c>--postgres</c>), with the scenario pack <c>Packs/Benchmark.Connectors.xml</c> and virtual machines pushed through
/// <c>POST /api/v1/discovery-data</c>:
/// <list type="bullet">
/// <item>"pull": 200,000 alerts created through <c>POST /api/v1/alerts</c> (arrays of 1,000) after four connectors
/// were registered, then each connector drained by one client with <c>GET /connectors/{id}/alerts?limit=5000</c> and
/// <c>POST /connectors/{id}/ack</c> until <c>more</c> is false: a subscription matching everything read with raw HTTP
/// and <see cref="JsonDocument"/>, the same with the .NET client's types (waiting for each acknowledgement, and
/// acknowledging each batch while the next is read), and one matching the third of the alerts whose severity is
/// Error.</item>
/// <item>"latency": performance samples crossing the monitor's threshold on 100 virtual machines, so that each
/// sample raises or closes an alert; the time from sending the sample to a webhook receiver, and to a long-polling
/// pull client, having the alert (see <see cref="LatencyRun"/>).</item>
/// </list>
/// </summary>
public static class ConnectorsScenario
{
    private const int Alerts = 200_000;
    private const int PerRequest = 1_000;
    private const int Writers = 4;
    private const int PageSize = 5_000;
    private const int Hosts = 10;
    private const int MachinesPerHost = 10;
    private const string MachineClass = "Benchmark.Connectors.VirtualMachine";

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var scratch = new ScratchStores(postgres);
        Console.WriteLine($"Connectors scenario on {scratch.ProviderName} ({Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC})");
        try
        {
            var options = new ServerOptions
            {
                Store = await scratch.CreateAsync("connectors"),
                Urls = "http://127.0.0.1:0",
                LibraryFolder = Path.Combine(BenchmarkPaths.Root, "packs", "libraries"),
                Packs = [BenchmarkPacks.Pack("Benchmark.Connectors.xml")],
            };
            await using var server = await ManagementServer.StartAsync(options, CancellationToken.None);
            await using var app = ServerApp.Build(server);
            await app.StartAsync();
            var url = new Uri(app.Urls.Single());
            var adminKey = (await server.Keys.CreateAsync("benchmark-admin", ApiRole.Administrator, "benchmark", null, CancellationToken.None)).Key;
            var operatorKey = (await server.Keys.CreateAsync("benchmark-operator", ApiRole.Operator, "benchmark", null, CancellationToken.None)).Key;
            using var admin = new MonitoringHostClient(url, adminKey);
            using var http = Http(url, operatorKey, Writers);
            var machines = await DiscoverAsync(admin, server);
            await LatencyRun.RunAsync(server, admin, url, operatorKey, machines, "quiet");

            // Registered before the alerts exist: each one's cursor starts before them.
            var everything = await ConnectorAsync(admin, url, "Benchmark.Pull.All", new ConnectorSubscription());
            var typed = await ConnectorAsync(admin, url, "Benchmark.Pull.All.Typed", new ConnectorSubscription());
            var pipelined = await ConnectorAsync(admin, url, "Benchmark.Pull.All.Pipelined", new ConnectorSubscription());
            var errors = await ConnectorAsync(admin, url, "Benchmark.Pull.Errors", new ConnectorSubscription(Severities: ["Error"]));

            var created = (await Api.ApiScenario.CreateAsync(http, machines, Alerts / PerRequest, Writers, PerRequest, alert: Alert)).Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"setup: {Alerts:N0} alerts (one in three Error) as {Alerts / PerRequest} POST /alerts of {PerRequest:N0} from {Writers} connections in {created.TotalSeconds:0.0} s = {Alerts / created.TotalSeconds:N0}/s"));

            // Warm-up: two pages read (not acknowledged) compile the read path; they come again in the measured run.
            await DrainRawAsync(errors, expected: null, pages: 2);
            var all = await DrainRawAsync(everything, Alerts);
            Print("pull, subscription {} (raw HTTP + JsonDocument)", all, target: true);
            var allTyped = await DrainTypedAsync(typed, Alerts);
            Print("pull, subscription {} (.NET client types)", allTyped, target: true);
            Print("pull, subscription {} (.NET client types, each batch acknowledged while the next is read)", await DrainTypedAsync(pipelined, Alerts, pipelined: true), target: true);
            Print("pull, subscription { severities: [Error] } (1 in 3)", await DrainRawAsync(errors, Enumerable.Range(0, Alerts).Count(n => Severity(n) == "Error")), target: false);
            foreach (var connector in new[] { everything, typed, pipelined, errors })
            {
                connector.Http.Dispose();
                connector.Client.Dispose();
            }

            await PullProfile.RunAsync(server, admin, url, all.FirstSequence, allTyped.FirstPage!);
            await LatencyRun.RunAsync(server, admin, url, operatorKey, machines, $"with {Alerts:N0} open alerts");
        }
        finally
        {
            await scratch.RemoveAsync();
        }

        return 0;
    }

    /// <summary>A client of <paramref name="url"/> sending <paramref name="key"/>, with up to <paramref name="connections"/> connections.</summary>
    internal static HttpClient Http(Uri url, string key, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false }) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <summary>A registered connector: its id, and clients calling with its own key.</summary>
    internal sealed record RegisteredConnector(Guid Id, string Name, HttpClient Http, MonitoringHostClient Client);

    /// <summary>Registers a connector and sets its subscription with its own key.</summary>
    internal static async Task<RegisteredConnector> ConnectorAsync(MonitoringHostClient admin, Uri url, string name, ConnectorSubscription subscription)
    {
        var registered = await admin.RegisterConnectorAsync(new ConnectorRegistration(name));
        var client = new MonitoringHostClient(url, registered.ApiKey!);
        await client.SetConnectorSubscriptionAsync(registered.Id, subscription);
        return new RegisteredConnector(registered.Id, name, Http(url, registered.ApiKey!, 2), client);
    }

    /// <summary>
    /// <see cref="Hosts"/> virtualization hosts with <see cref="MachinesPerHost"/> virtual machines each, pushed as
    /// one incremental submission; the virtual machines' ids.
    /// </summary>
    private static async Task<Guid[]> DiscoverAsync(MonitoringHostClient admin, ManagementServer server)
    {
        static DiscoveredObject Host(int h) =>
            new("Benchmark.Connectors.VirtualizationHost", new Dictionary<string, string?> { ["HostName"] = $"hv{h:00}.contoso.com" });
        var objects = Enumerable.Range(0, Hosts).SelectMany(h => (DiscoveredObject[])[Host(h),
            .. Enumerable.Range(0, MachinesPerHost).Select(m => new DiscoveredObject(MachineClass, new Dictionary<string, string?> { ["VmName"] = $"vm{h:00}{m:00}" }, Host(h)))]);
        var applied = await admin.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("incremental", new DiscoverySourceRef("sdk", "benchmark"), [.. objects]));
        var machines = server.Space.OfClass(MachineClass).Select(o => o.Id).Order().ToArray();
        if (applied.Created.Count != Hosts * (MachinesPerHost + 1) || machines.Length != Hosts * MachinesPerHost)
        {
            throw new InvalidOperationException($"discovery created {applied.Created.Count} objects and {machines.Length} virtual machines");
        }

        return machines;
    }

    private static string Severity(int n) => (n % 3) switch { 0 => "Information", 1 => "Warning", _ => "Error" };

    private static string Alert(Guid[] machines, int n) =>
        $$"""{ "monitoringObjectId": "{{machines[n % machines.Length]}}", "name": "Backup job {{n % 40}} failed", "description": "The nightly backup ended with code {{n % 7}} (run {{n}})", "severity": "{{Severity(n)}}", "priority": "Normal", "customField1": "job-{{n}}" }""";

    /// <summary>A drained connector: its changes, time, page and ack latencies, the first change's sequence, the first page (typed drain).</summary>
    private sealed record Drain(int Items, TimeSpan Elapsed, List<double> Pages, List<double> Acks, string Gc, long FirstSequence, ConnectorAlertPage? FirstPage = null);

    /// <summary>
    /// Reads the connector's batches from its acknowledged cursor with raw HTTP, each parsed with <see cref="JsonDocument"/>
    /// (every item's id, sequence and severity read, the sequences checked to ascend) and acknowledged, until
    /// <c>more</c> is false (or after <paramref name="pages"/> pages, unacknowledged); checks the count when
    /// <paramref name="expected"/> is given.
    /// </summary>
    private static async Task<Drain> DrainRawAsync(RegisteredConnector connector, int? expected, int pages = int.MaxValue)
    {
        var latencies = new List<double>();
        var acks = new List<double>();
        var items = 0;
        var last = 0L;
        var first = 0L;
        string? cursor = null;
        var gc = GcWindow.Start();
        var clock = Stopwatch.StartNew();
        while (latencies.Count < pages)
        {
            var path = $"/api/v1/connectors/{connector.Id}/alerts?limit={PageSize}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var started = Stopwatch.GetTimestamp();
            using var response = await connector.Http.GetAsync(new Uri(path, UriKind.Relative));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
            }

            using var page = JsonDocument.Parse(bytes);
            foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
            {
                var sequence = item.GetProperty("changeSeq").GetInt64();
                if (sequence <= last || item.GetProperty("id").GetGuid() == Guid.Empty || item.GetProperty("severityName").GetString() is null)
                {
                    throw new InvalidOperationException($"{connector.Name}: change {sequence} after {last}");
                }

                first = first == 0 ? sequence : first;
                last = sequence;
                items++;
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            cursor = page.RootElement.GetProperty("cursor").GetString()!;
            var more = page.RootElement.GetProperty("more").GetBoolean();
            if (pages != int.MaxValue)
            {
                continue;
            }

            started = Stopwatch.GetTimestamp();
            using var ack = await connector.Http.PostAsync(new Uri($"/api/v1/connectors/{connector.Id}/ack", UriKind.Relative),
                new StringContent(JsonSerializer.Serialize(new { cursor }), Encoding.UTF8, "application/json"));
            if (ack.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"POST ack answered {(int)ack.StatusCode}: {await ack.Content.ReadAsStringAsync()}");
            }

            await ack.Content.ReadAsByteArrayAsync();
            acks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!more)
            {
                break;
            }
        }

        var elapsed = clock.Elapsed;
        return expected is null || items == expected
            ? new Drain(items, elapsed, latencies, acks, gc.Since(), first)
            : throw new InvalidOperationException($"{connector.Name} received {items} changes; {expected} were expected");
    }

    /// <summary>As <see cref="DrainRawAsync"/>, through the .NET client (each batch deserialized into its types).</summary>
    private static async Task<Drain> DrainTypedAsync(RegisteredConnector connector, int expected, bool pipelined = false)
    {
        var latencies = new List<double>();
        var acks = new List<double>();
        var items = 0;
        var last = 0L;
        string? cursor = null;
        ConnectorAlertPage? firstPage = null;
        Task<double>? acking = null;
        var gc = GcWindow.Start();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await connector.Client.GetConnectorAlertsAsync(connector.Id, cursor, PageSize);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (acking is not null)
            {
                acks.Add(await acking);
            }

            foreach (var item in page.Items)
            {
                if (item.ChangeSeq <= last)
                {
                    throw new InvalidOperationException($"{connector.Name}: change {item.ChangeSeq} after {last}");
                }

                last = item.ChangeSeq;
            }

            items += page.Items.Count;
            firstPage ??= page;
            cursor = page.Cursor;

            // Pipelined, the acknowledgement runs while the next batch is read (after the cursor, so nothing repeats).
            acking = AcknowledgeAsync(connector, cursor);
            if (!pipelined || !page.More)
            {
                acks.Add(await acking);
                acking = null;
            }

            if (!page.More)
            {
                break;
            }
        }

        var elapsed = clock.Elapsed;
        return items == expected
            ? new Drain(items, elapsed, latencies, acks, gc.Since(), firstPage!.Items[0].ChangeSeq, firstPage)
            : throw new InvalidOperationException($"{connector.Name} received {items} changes; {expected} were expected");
    }

    private static async Task<double> AcknowledgeAsync(RegisteredConnector connector, string cursor)
    {
        var started = Stopwatch.GetTimestamp();
        await connector.Client.AcknowledgeConnectorAlertsAsync(connector.Id, cursor);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static void Print(string what, Drain drain, bool target) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {drain.Items:N0} changes in {drain.Pages.Count} pages of up to {PageSize:N0} in {drain.Elapsed.TotalSeconds:0.00} s = {drain.Items / drain.Elapsed.TotalSeconds:N0} alerts/s{(target ? " (target >= 50,000/s)" : "")}; GET per page {Percentiles.Describe(drain.Pages)}; ack {Percentiles.Describe(drain.Acks)}; {drain.Gc}"));
}
