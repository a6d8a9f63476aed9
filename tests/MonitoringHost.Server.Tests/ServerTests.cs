using System.Net;
using System.Text.Json;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>A real management server on a SQLite store in a temp folder, its API on a free loopback port.</summary>
public sealed class ServerTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private LoopbackServer _api = null!;

    private ManagementServer Server => _api.Server;

    public async Task InitializeAsync() => _api = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Health_NeedsNoKey_AndSaysWhatWasChecked()
    {
        using var response = await Client.GetAsync(new Uri(_api.Url + "/api/v1/health"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        root.GetProperty("status").GetString().Should().Be("healthy");
        root.GetProperty("store").GetString().Should().Be("Sqlite");
        root.GetProperty("packs").GetInt32().Should().Be(18, "the shipped packs");
        root.GetProperty("objects").GetInt32().Should().Be(Server.Space.Count).And.BePositive("the singletons of the shipped packs exist at once");
        root.GetProperty("started").GetString().Should().EndWith("Z");
    }

    [Fact]
    public async Task Metrics_AreInPrometheusTextFormat_WithTheServersFigures()
    {
        using var response = await Client.GetAsync(new Uri(_api.Url + "/metrics"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain($"mh_objects {Server.Space.Count}");
        lines.Should().Contain("# TYPE mh_operations_commits_total counter");
        lines.Should().Contain("mh_alerts_open 0");
        lines.Should().Contain($"mh_workflow_run_capacity {Server.Host.RunCapacity}");
        lines.Should().Contain("# TYPE mh_workflow_runs_failed_total counter");
        lines.Where(l => !l.StartsWith('#')).Should().OnlyContain(l => l.StartsWith("mh_", StringComparison.Ordinal) && l.Split(' ').Length == 2);
    }

    [Fact]
    public async Task Pool_IsThisServer_WithItsObjectAndWhatItRuns()
    {
        var key = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);

        var (status, pool, response) = await _api.SendAsync(HttpMethod.Get, "/api/v1/pool", key);
        response.Dispose();

        status.Should().Be(HttpStatusCode.OK);
        var member = pool.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        var self = Server.Space.OfClass("Microsoft.SystemCenter.ManagementServer").Should().ContainSingle().Subject;
        (member.GetProperty("name").GetString(), member.GetProperty("objectId").GetGuid()).Should().Be((self.DisplayName, self.Id));
        (member.GetProperty("objects").GetInt32(), member.GetProperty("workflowInstances").GetInt32()).Should().Be((Server.Space.Count, Server.Host.InstanceCount));
        member.GetProperty("heartbeat").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Restart_OnTheSameStore_FindsTheSameObjects()
    {
        var before = Server.Space.OfClass("System.Entity").Select(o => o.Id).Order().ToList();

        await _api.StopAsync();
        await _api.StartAgainAsync();

        Server.Space.OfClass("System.Entity").Select(o => o.Id).Order().Should().Equal(before);
    }

    [Fact]
    public async Task Start_WithAPackThatDoesNotValidate_FailsSayingWhereAndWhat()
    {
        var pack = Path.Combine(_api.Folder, "Broken.xml");
        await File.WriteAllTextAsync(pack, "<ManagementPack><Manifest><Identity><ID>Broken</ID></Identity></Manifest></ManagementPack>");

        var start = () => ManagementServer.StartAsync(new ServerOptions { Store = _api.Options.Store, LibraryFolder = _api.Options.LibraryFolder, Packs = [pack] }, CancellationToken.None);

        (await start.Should().ThrowAsync<ServerStartException>()).Which.Message.Should().StartWith("the packs do not validate:").And.Contain("Broken.xml");
    }

    [Fact]
    public async Task Start_WithoutTheShippedLibraries_FailsSayingSo()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_api.Folder, "no-packs")).FullName;

        var start = () => ManagementServer.StartAsync(new ServerOptions { Store = _api.Options.Store, LibraryFolder = empty }, CancellationToken.None);

        (await start.Should().ThrowAsync<ServerStartException>()).Which.Message.Should().Be($"the pack set has no System.Library: {empty} holds no shipped library packs");
    }

    [Fact]
    public async Task FirstStart_WritesAnAdministratorKey_ReadableOnlyByItsOwner_AndARestartMakesNoOther()
    {
        var file = Server.AdministratorKeyFile;

        file.Should().Be(Path.Combine(_api.Folder, "administrator.key"));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file!).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var key = (await File.ReadAllTextAsync(file!)).Trim();
        (await Server.Keys.AuthenticateAsync(key, CancellationToken.None))!.Role.Should().Be(ApiRole.Administrator);

        await _api.StopAsync();
        await _api.StartAgainAsync();

        Server.AdministratorKeyFile.Should().BeNull();
        (await Server.Keys.CountAsync(ApiRole.Administrator, CancellationToken.None)).Should().Be(1);
    }

    [Fact]
    public async Task Objects_WithoutAValidKey_Is401_WithAProblemDocument()
    {
        using var none = await Client.GetAsync(new Uri(_api.Url + "/api/v1/objects"));
        using var unknown = await SendAsync("/api/v1/objects", "mh_notakeyatall");

        foreach (var response in new[] { none, unknown })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        }

        (await none.Content.ReadAsStringAsync()).Should().Contain("needs an API key");
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("not known or has been revoked");
    }

    [Fact]
    public async Task Objects_WithAConnectorKey_Is403_SayingWhichRolesMay()
    {
        var key = (await Server.Keys.CreateAsync("itsm", ApiRole.Connector, "tests", Guid.NewGuid(), CancellationToken.None)).Key;

        using var response = await SendAsync("/api/v1/objects", key);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetInt32().Should().Be(403);
        body.RootElement.GetProperty("detail").GetString().Should().Be(
            "this needs one of the roles Administrator, Author, Operator, ReadOnlyOperator; the key 'itsm' has the role Connector");
    }

    [Fact]
    public async Task Objects_ForAReader_ArePagedWithTheirHealth()
    {
        var key = (await Server.Keys.CreateAsync("reader", ApiRole.ReadOnlyOperator, "tests", null, CancellationToken.None)).Key;
        var all = Server.Space.OfClass("System.Entity").OrderBy(o => o.Id).ToList();

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            using var response = await SendAsync($"/api/v1/objects?limit=1{(cursor is null ? "" : "&cursor=" + cursor)}", key);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var item = body.RootElement.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
            seen.Add(item.GetProperty("id").GetGuid());
            var expected = all[seen.Count - 1];
            item.GetProperty("className").GetString().Should().Be(expected.ClassName);
            item.GetProperty("path").GetString().Should().Be(expected.Path);
            item.GetProperty("fullName").GetString().Should().Be($"{expected.ClassName}:{expected.Path}");
            // The server's own objects turn healthy as its monitors run; every state comes as its number and its name.
            item.GetProperty("healthStateName").GetString().Should().Be(((Sdk.Contracts.HealthState)item.GetProperty("healthState").GetInt32()).ToString());
            item.GetProperty("inMaintenanceMode").GetBoolean().Should().BeFalse();
            cursor = body.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        seen.Should().Equal(all.Select(o => o.Id));
    }

    [Theory]
    [InlineData("/api/v1/objects?limit=0", "limit must be from 1 to 5000 (it was 0)")]
    [InlineData("/api/v1/objects?class=Contoso.Nothing", "there is no class 'Contoso.Nothing'")]
    [InlineData("/api/v1/objects?cursor=zzz", "cursor 'zzz' is not one this server gave")]
    public async Task Objects_BadQuery_Is400_SayingWhatIsWrong(string path, string detail)
    {
        var key = (await Server.Keys.CreateAsync("reader", ApiRole.ReadOnlyOperator, "tests", null, CancellationToken.None)).Key;

        using var response = await SendAsync(path, key);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("detail").GetString().Should().Be(detail);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string key) => (await _api.SendAsync(HttpMethod.Get, path, key)).Response;
}
