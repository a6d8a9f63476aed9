using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Server;
using MonitoringHost.Storage;

namespace MonitoringHost.Benchmarks.Api;

/// <summary>
/// The REST API of a real management server on a loopback port, over a real store (SQLite file, or PostgreSQL with
/// <c>--postgres</c>), driven by HTTP clients as runbooks and consoles drive it:
/// <list type="bullet">
/// <item>"create": 20,000 <c>POST /api/v1/alerts</c> of one alert each from 16 concurrent connections; a 201 comes only
/// once the alert is committed, so the rate is of durable creations. With one request in flight per connection a
/// commit can hold at most 16 alerts, so this rate is bounded by how fast the store syncs a commit.</item>
/// <item>"create, batched": 100,000 alerts as arrays of 100 per <c>POST /api/v1/alerts</c> from 16 connections, each
/// array committed together and answered once durable.</item>
/// <item>"page": <c>GET /api/v1/alerts?limit=500</c> through all 100,000 alerts by cursor, and pages modified since a
/// time in the middle; latency per page (median, 95th percentile, maximum).</item>
/// <item>"mixed": 16 writers creating alerts while 4 readers page through them, for 10 s: both rates and the readers'
/// latency.</item>
/// </list>
/// </summary>
public static class ApiScenario
{
    private const int Writers = 16;
    private const int Readers = 4;
    private const int Alerts = 100_000;
    private const int SingleAlerts = 20_000;
    private const int PerRequest = 100;
    private const int Warmup = 2_000;
    private const int Computers = 100;
    private const int PageSize = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var scratch = new ScratchStores(postgres);
        Console.WriteLine($"API scenario on {scratch.ProviderName} ({Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC})");
        try
        {
            var options = new ServerOptions { Store = await scratch.CreateAsync("api"), Urls = "http://127.0.0.1:0", LibraryFolder = Path.Combine(BenchmarkPaths.Root, "packs", "libraries") };
            await using var server = await ManagementServer.StartAsync(options, CancellationToken.None);
            await using var app = ServerApp.Build(server);
            await app.StartAsync();
            var url = app.Urls.Single();
            var key = (await server.Keys.CreateAsync("benchmark", ApiRole.Operator, "benchmark", null, CancellationToken.None)).Key;
            var computers = await DiscoverAsync(server);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Writers + Readers, UseProxy = false })
            {
                BaseAddress = new Uri(url),
            };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

            await CreateAsync(client, computers, Warmup, Writers, 1);
            var commits = server.Engine.Loop.CommittedBatches;
            var single = await CreateAsync(client, computers, SingleAlerts, Writers, 1);
            commits = server.Engine.Loop.CommittedBatches - commits;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"create: {SingleAlerts:N0} POST /alerts of one alert from {Writers} connections in {single.Elapsed.TotalSeconds:0.00} s = {SingleAlerts / single.Elapsed.TotalSeconds:N0} durable creations/s; {commits:N0} commits ({SingleAlerts / (double)commits:0.0} alerts each, {single.Elapsed.TotalMilliseconds / commits:0.00} ms each); latency {Percentiles.Describe(single.Latencies)}"));

            commits = server.Engine.Loop.CommittedBatches;
            var batched = await CreateAsync(client, computers, Alerts / PerRequest, Writers, PerRequest);
            commits = server.Engine.Loop.CommittedBatches - commits;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"create, batched: {Alerts:N0} alerts as {Alerts / PerRequest:N0} POST /alerts of {PerRequest} from {Writers} connections in {batched.Elapsed.TotalSeconds:0.00} s = {Alerts / batched.Elapsed.TotalSeconds:N0} durable creations/s (target >= 20,000); {commits:N0} commits; latency per request {Percentiles.Describe(batched.Latencies)}"));
            var last = await server.Operations.ReadAlertAsync(batched.LastId, CancellationToken.None);
            Console.WriteLine($"create: the last acknowledged alert is in the store: {last is not null}");

            await PageAsync(client);
            await MixedAsync(client, computers);
        }
        finally
        {
            await scratch.RemoveAsync();
        }

        return 0;
    }

    private static async Task<Guid[]> DiscoverAsync(ManagementServer server)
    {
        var objects = Enumerable.Range(0, Computers)
            .Select(i => new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = $"web{i:000}.contoso.com" }))
            .ToList();
        await server.Space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("benchmark"), objects), CancellationToken.None);
        await server.Engine.FlushAsync();
        return [.. server.Space.OfClass("Microsoft.Windows.Computer").Select(o => o.Id)];
    }

    internal sealed record CreateRun(TimeSpan Elapsed, List<double> Latencies, Guid LastId);

    /// <summary>
    /// Sends <paramref name="count"/> requests creating <paramref name="perRequest"/> alerts each (one: a single alert
    /// object; more: an array) from <paramref name="connections"/> concurrent clients; every one must be answered 201.
    /// </summary>
    /// <param name="alert">The JSON of alert n on the given objects (default: a runbook's failure).</param>
    internal static async Task<CreateRun> CreateAsync(HttpClient client, Guid[] computers, int count, int connections, int perRequest, Func<Guid[], int, string>? alert = null, CancellationToken until = default)
    {
        alert ??= Alert;
        var next = -1;
        var latencies = new List<double>[connections];
        var lastId = Guid.Empty;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            int n;
            while ((n = Interlocked.Increment(ref next)) < count && !until.IsCancellationRequested)
            {
                var body = perRequest == 1 ? alert(computers, n) : "[" + string.Join(",", Enumerable.Range(n * perRequest, perRequest).Select(i => alert(computers, i))) + "]";
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(new Uri("/api/v1/alerts", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"POST /alerts answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (n == count - 1)
                {
                    using var created = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                    lastId = (perRequest == 1 ? created.RootElement : created.RootElement.GetProperty("items")[perRequest - 1]).GetProperty("id").GetGuid();
                }
            }
        }));
        return new CreateRun(clock.Elapsed, [.. latencies.SelectMany(l => l)], lastId);
    }

    private static string Alert(Guid[] computers, int n) =>
        $$"""{ "monitoringObjectId": "{{computers[n % computers.Length]}}", "name": "Runbook 'Patch {{n % 50}}' failed", "description": "Activity 'Run Program' returned exit code 1 (run {{n}})", "severity": "Error", "priority": "High", "customField1": "job-{{n}}" }""";

    /// <summary>Pages of 500 through every alert by cursor, then pages modified since the middle one's time.</summary>
    private static async Task PageAsync(HttpClient client)
    {
        // Warm-up: the first pages compile the query paths.
        for (var i = 0; i < 3; i++)
        {
            await ReadPageAsync(client, $"/api/v1/alerts?limit={PageSize}");
        }

        var latencies = new List<double>();
        var total = 0;
        string? cursor = null;
        DateTimeOffset middle = default;
        do
        {
            var (items, nextCursor, ms) = await ReadPageAsync(client, $"/api/v1/alerts?limit={PageSize}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            latencies.Add(ms);
            if (total < (Alerts + SingleAlerts) / 2 && total + items.Count >= (Alerts + SingleAlerts) / 2)
            {
                middle = items[^1];
            }

            total += items.Count;
            cursor = nextCursor;
        }
        while (cursor is not null);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"page: {latencies.Count} pages of {PageSize} through {total:N0} alerts by cursor; latency per page {Percentiles.Describe(latencies)} (target <= 50 ms)"));

        var since = new List<double>();
        var sinceText = Uri.EscapeDataString(middle.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        for (var i = 0; i < 50; i++)
        {
            since.Add((await ReadPageAsync(client, $"/api/v1/alerts?limit={PageSize}&since={sinceText}")).Ms);
        }

        Console.WriteLine($"page: first page modified since the middle alert, 50 requests; latency {Percentiles.Describe(since)}");
    }

    /// <summary>One page: the lastModified of its items, its next cursor and how long it took.</summary>
    private static async Task<(List<DateTimeOffset> Items, string? Next, double Ms)> ReadPageAsync(HttpClient client, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        }

        using var page = JsonDocument.Parse(bytes);
        var items = page.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("lastModified").GetDateTimeOffset()).ToList();
        var next = page.RootElement.GetProperty("nextCursor");
        return (items, next.ValueKind == JsonValueKind.Null ? null : next.GetString(), ms);
    }

    /// <summary>Writers and readers at once for 10 s.</summary>
    private static async Task MixedAsync(HttpClient client, Guid[] computers)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reads = new List<double>[Readers];
        var clock = Stopwatch.StartNew();
        var writing = CreateAsync(client, computers, int.MaxValue, Writers, 1, until: stop.Token);
        var reading = Task.WhenAll(Enumerable.Range(0, Readers).Select(async reader =>
        {
            var mine = reads[reader] = [];
            string? cursor = null;
            while (!stop.IsCancellationRequested)
            {
                var (_, next, ms) = await ReadPageAsync(client, $"/api/v1/alerts?limit={PageSize}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                mine.Add(ms);
                cursor = next;
            }
        }));
        var written = await writing;
        await reading;
        var seconds = clock.Elapsed.TotalSeconds;
        var allReads = reads.SelectMany(r => r).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mixed: {Writers} writers and {Readers} readers for {seconds:0.0} s: {written.Latencies.Count / seconds:N0} durable creations/s (latency {Percentiles.Describe(written.Latencies)}); {allReads.Count / seconds:N0} pages of {PageSize}/s (latency {Percentiles.Describe(allReads)})"));
    }
}
