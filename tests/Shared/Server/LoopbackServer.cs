using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using MonitoringHost.Server;
using MonitoringHost.Storage;

namespace MonitoringHost.Tests.Shared;

/// <summary>
/// A real management server on a SQLite store in a temp folder, its API on a free loopback port; a client for it.
/// Shared by the server, Sdk and CLI tests (compiled into each that includes <c>tests/Shared/Server</c>).
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly HttpClient Client = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mh-server-{Guid.NewGuid():N}");
    private WebApplication? _app;
    private string? _url;

    public ManagementServer Server { get; private set; } = null!;

    public string Folder => _folder;

    public string Url => _url!;

    /// <summary>The running HTTP application (its endpoints, for tests that check every one).</summary>
    public WebApplication App => _app!;

    /// <summary>Packs to load besides the shipped ones (from the next start on).</summary>
    public IReadOnlyList<string> Packs { get; set; } = [];

    /// <summary>The management server's name (null: the machine's), from the next start on.</summary>
    public string? ServerName { get; set; }

    /// <summary>The server's clock (from the next start on).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Whether a restart listens on the port of the start before it (clients keep their address).</summary>
    public bool KeepPort { get; set; }

    /// <summary>Where the HTTP application logs (from the next start on); nowhere when null.</summary>
    public ILoggerProvider? Logging { get; set; }

    /// <summary>Where the server listens for SNMP traps (<c>127.0.0.1:0</c>: a free loopback port); none when null.</summary>
    public string? SnmpTraps { get; set; }

    public ServerOptions Options => new()
    {
        Store = new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = _folder },
        LibraryFolder = Path.Combine(RepositoryPaths.Root, "packs", "libraries"),
        Urls = KeepPort && _url is not null ? _url : "http://127.0.0.1:0",
        Packs = Packs,
        ServerName = ServerName,
        Time = Time,
        WebhookBackoff = TimeSpan.FromMilliseconds(50),
        WebhookMaxBackoff = TimeSpan.FromMilliseconds(400),
        SnmpTraps = SnmpTraps,
    };

    /// <summary>
    /// Starts a server with the shipped packs and <paramref name="packs"/>, as given to <c>mh serve</c>: files, or the
    /// names of test packs in tests/Shared/Packs; named <paramref name="serverName"/> (null: the machine's name).
    /// </summary>
    public static async Task<LoopbackServer> StartAsync(IReadOnlyList<string>? packs = null, string? serverName = null, TimeProvider? time = null)
    {
        var server = new LoopbackServer { Packs = [.. (packs ?? []).Select(TestPackPath)], ServerName = serverName, Time = time ?? TimeProvider.System };
        await server.StartAgainAsync();
        return server;
    }

    private static string TestPackPath(string pack) =>
        Path.GetFileName(pack) == pack && File.Exists(Path.Combine(RepositoryPaths.Root, "tests", "Shared", "Packs", pack))
            ? Path.Combine(RepositoryPaths.Root, "tests", "Shared", "Packs", pack)
            : pack;

    public async Task StartAgainAsync()
    {
        Server = await ManagementServer.StartAsync(Options, CancellationToken.None);
        _app = ServerApp.Build(Server, Logging);
        await _app.StartAsync();
        _url = _app.Urls.Single();
    }

    public async Task StopAsync()
    {
        await _app!.StopAsync();
        await _app.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Discovers a computer through the SDK source and waits until the engine has it; its id.</summary>
    public async Task<Guid> DiscoverComputerAsync(string name)
    {
        await Server.Space.ApplyAsync(Discovery.Data.DiscoveryData.Snapshot(Discovery.Instances.DiscoverySource.Sdk("tests"),
            [new Discovery.Data.ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = name })]), CancellationToken.None);
        await Server.Engine.FlushAsync();
        return Server.Space.WithProperty("Microsoft.Windows.Computer", "PrincipalName", name).Single().Id;
    }

    /// <summary>A .NET client of this server calling it with <paramref name="key"/>.</summary>
    public Sdk.MonitoringHostClient ClientFor(string key) => new(new Uri(Url), key);

    /// <summary>Creates an alert on the object through <c>POST /api/v1/alerts</c> (<paramref name="more"/>: further JSON fields); the alert.</summary>
    public async Task<JsonElement> CreateAlertAsync(string key, Guid objectId, string name, string severity, string more = "")
    {
        var (status, alert, response) = await SendAsync(HttpMethod.Post, "/api/v1/alerts", key,
            $$"""{ "monitoringObjectId": "{{objectId}}", "name": "{{name}}", "severity": "{{severity}}"{{more}} }""");
        response.Dispose();
        return status == HttpStatusCode.Created ? alert : throw new InvalidOperationException($"creating alert '{name}' answered {status}: {alert}");
    }

    /// <summary>The object's health tree through <c>GET /api/v1/objects/{id}/health</c>, as monitor ID → state name.</summary>
    public async Task<Dictionary<string, string>> HealthAsync(string key, Guid id)
    {
        var (_, tree, response) = await SendAsync(HttpMethod.Get, $"/api/v1/objects/{id}/health", key);
        response.Dispose();
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonElement node)
        {
            states[node.GetProperty("monitorId").GetString()!] = node.GetProperty("healthStateName").GetString()!;
            foreach (var child in node.GetProperty("children").EnumerateArray())
            {
                Walk(child);
            }
        }

        Walk(tree);
        return states;
    }

    /// <summary>
    /// The alerts of <c>GET /api/v1/alerts</c> raised by rules or monitors whose ID starts with <paramref name="prefix"/>
    /// (a pack's own, leaving out the server's self-monitoring and the computers' availability alerts).
    /// </summary>
    public async Task<List<JsonElement>> AlertsOfAsync(string key, string prefix)
    {
        var (_, body, response) = await SendAsync(HttpMethod.Get, "/api/v1/alerts", key);
        response.Dispose();
        return [.. body.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("ruleOrMonitorId").GetString()!.StartsWith(prefix, StringComparison.Ordinal))];
    }

    /// <summary>Lets the workflow runs now due and the results they produced finish (after a test moved its clock).</summary>
    public async Task SettleAsync()
    {
        await Server.Host.WhenIdleAsync();
        await Server.Engine.FlushAsync();
    }

    public async Task<string> KeyAsync(string name, ApiRole role, Guid? connector = null) =>
        (await Server.Keys.CreateAsync(name, role, "tests", connector, CancellationToken.None)).Key;

    /// <summary>Sends a request (with a key when given) and reads its JSON body, if any.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
        HttpMethod method, string path, string? key = null, string? json = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Url + path));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true
            ? default
            : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body, response);
    }

    /// <summary>Sends a request with any body (XML, a form), optionally asking for a media type; the raw response.</summary>
    public async Task<HttpResponseMessage> SendContentAsync(HttpMethod method, string path, string key, HttpContent? content, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Url + path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
