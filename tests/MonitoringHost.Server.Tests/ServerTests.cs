using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Server.Tests;

/// <summary>A real management server on a SQLite store in a temp folder, its API on a free loopback port.</summary>
public sealed class ServerTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mh-server-{Guid.NewGuid():N}");
    private static readonly HttpClient Client = new();
    private ManagementServer? _server;
    private WebApplication? _app;

    private ServerOptions Options => new()
    {
        Store = new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = _folder },
        LibraryFolder = Path.Combine(RepositoryPaths.Root, "packs", "libraries"),
        Urls = "http://127.0.0.1:0",
    };

    public async Task InitializeAsync() => await StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Health_NeedsNoKey_AndSaysWhatWasChecked()
    {
        using var response = await Client.GetAsync(new Uri(_app!.Urls.Single() + "/api/v1/health"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        root.GetProperty("status").GetString().Should().Be("healthy");
        root.GetProperty("store").GetString().Should().Be("Sqlite");
        root.GetProperty("packs").GetInt32().Should().Be(16, "the shipped packs");
        root.GetProperty("objects").GetInt32().Should().Be(_server!.Space.Count).And.BePositive("the singletons of the shipped packs exist at once");
        root.GetProperty("started").GetString().Should().EndWith("Z");
    }

    [Fact]
    public async Task Metrics_AreInPrometheusTextFormat_WithTheServersFigures()
    {
        using var response = await Client.GetAsync(new Uri(_app!.Urls.Single() + "/metrics"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain($"mh_objects {_server!.Space.Count}");
        lines.Should().Contain("# TYPE mh_operations_commits_total counter");
        lines.Should().Contain("mh_alerts_open 0");
        lines.Where(l => !l.StartsWith('#')).Should().OnlyContain(l => l.StartsWith("mh_", StringComparison.Ordinal) && l.Split(' ').Length == 2);
    }

    [Fact]
    public async Task Restart_OnTheSameStore_FindsTheSameObjects()
    {
        var before = _server!.Space.OfClass("System.Entity").Select(o => o.Id).Order().ToList();

        await StopAsync();
        await StartAsync();

        _server.Space.OfClass("System.Entity").Select(o => o.Id).Order().Should().Equal(before);
    }

    [Fact]
    public async Task Start_WithAPackThatDoesNotValidate_FailsSayingWhereAndWhat()
    {
        var pack = Path.Combine(_folder, "Broken.xml");
        await File.WriteAllTextAsync(pack, "<ManagementPack><Manifest><Identity><ID>Broken</ID></Identity></Manifest></ManagementPack>");

        var start = () => ManagementServer.StartAsync(new ServerOptions { Store = Options.Store, LibraryFolder = Options.LibraryFolder, Packs = [pack] }, CancellationToken.None);

        (await start.Should().ThrowAsync<ServerStartException>()).Which.Message.Should().StartWith("the packs do not validate:").And.Contain("Broken.xml");
    }

    [Fact]
    public async Task Start_WithoutTheShippedLibraries_FailsSayingSo()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "no-packs")).FullName;

        var start = () => ManagementServer.StartAsync(new ServerOptions { Store = Options.Store, LibraryFolder = empty }, CancellationToken.None);

        (await start.Should().ThrowAsync<ServerStartException>()).Which.Message.Should().Be($"the pack set has no System.Library: {empty} holds no shipped library packs");
    }

    private async Task StartAsync()
    {
        _server = await ManagementServer.StartAsync(Options, CancellationToken.None);
        _app = ServerApp.Build(_server);
        await _app.StartAsync();
    }

    private async Task StopAsync()
    {
        await _app!.StopAsync();
        await _app.DisposeAsync();
        await _server!.DisposeAsync();
    }
}
