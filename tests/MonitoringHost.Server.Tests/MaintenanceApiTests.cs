using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Server.Tests;

/// <summary>The maintenance endpoints of a real server.</summary>
public sealed class MaintenanceApiTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mh-maintenance-api-{Guid.NewGuid():N}");
    private ManagementServer? _server;
    private WebApplication? _app;
    private string _operator = "";
    private Guid _computer;

    public async Task InitializeAsync()
    {
        _server = await ManagementServer.StartAsync(new ServerOptions
        {
            Store = new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = _folder },
            LibraryFolder = Path.Combine(RepositoryPaths.Root, "packs", "libraries"),
            Urls = "http://127.0.0.1:0",
        }, CancellationToken.None);
        _app = ServerApp.Build(_server);
        await _app.StartAsync();
        _operator = (await _server.Keys.CreateAsync("vmm", ApiRole.Operator, "tests", null, CancellationToken.None)).Key;
        await _server.Space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("tests"),
            [new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = "hv01.contoso.com" })]), CancellationToken.None);
        _computer = _server.Space.OfClass("Microsoft.Windows.Computer").Single().Id;
        await _server.Engine.FlushAsync();
    }

    public async Task DisposeAsync()
    {
        await _app!.StopAsync();
        await _app.DisposeAsync();
        await _server!.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_app!.Urls.Single() + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operator);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task StartChangeListStop_TakeEffectAtOnce()
    {
        var path = $"/api/v1/objects/{_computer}/maintenance";

        var (started, entered) = await SendAsync(HttpMethod.Post, path, """{ "durationMinutes": 60, "reason": "PlannedHardwareMaintenance", "comment": "host patching" }""");
        started.Should().Be(HttpStatusCode.Created);
        entered.GetProperty("entered").EnumerateArray().Select(e => e.GetGuid()).Should().Equal(_computer);
        (await _server!.Engine.SummaryAsync(_computer))!.InMaintenance.Should().BeTrue("maintenance is effective when the call returns");

        var (again, conflict) = await SendAsync(HttpMethod.Post, path, """{ "durationMinutes": 30, "reason": "PlannedOther" }""");
        again.Should().Be(HttpStatusCode.Conflict);
        conflict.GetProperty("detail").GetString().Should().Contain("already in maintenance");

        var until = DateTimeOffset.UtcNow.AddHours(3);
        (await SendAsync(HttpMethod.Patch, path, $$"""{ "until": "{{until:O}}", "comment": "longer" }""")).Status.Should().Be(HttpStatusCode.OK);
        var (_, list) = await SendAsync(HttpMethod.Get, "/api/v1/maintenance");
        var window = list.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        (window.GetProperty("objectId").GetGuid(), window.GetProperty("reason").GetString(), window.GetProperty("comment").GetString(), window.GetProperty("by").GetString())
            .Should().Be((_computer, "PlannedHardwareMaintenance", "longer", "vmm"));
        window.GetProperty("until").GetDateTimeOffset().Should().BeCloseTo(until, TimeSpan.FromMilliseconds(1));

        var (stopped, left) = await SendAsync(HttpMethod.Delete, path);
        stopped.Should().Be(HttpStatusCode.OK);
        left.GetProperty("left").EnumerateArray().Select(e => e.GetGuid()).Should().Equal(_computer);
        (await _server.Engine.SummaryAsync(_computer))!.InMaintenance.Should().BeFalse();
        (await SendAsync(HttpMethod.Delete, path)).Status.Should().Be(HttpStatusCode.NotFound);
        (await _server.Operations.ReadMaintenanceAsync(CancellationToken.None)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{ "durationMinutes": 60, "reason": "Holiday" }""", "reason")]
    [InlineData("""{ "durationMinutes": 60, "until": "2027-01-01T00:00:00Z", "reason": "PlannedOther" }""", "until")]
    [InlineData("""{ "reason": "PlannedOther" }""", "durationMinutes")]
    [InlineData("""{ "durationMinutes": -5, "reason": "PlannedOther" }""", "durationMinutes")]
    public async Task Start_BadRequests_Are400_NamingTheField_AndChangeNothing(string json, string field)
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_computer}/maintenance", json);

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().Contain(field);
        (await _server!.Engine.MaintenanceAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Start_OnAnUnknownObject_Is404()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, $"/api/v1/objects/{Guid.Empty}/maintenance", """{ "durationMinutes": 60, "reason": "PlannedOther" }""");

        status.Should().Be(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().Should().Be($"there is no object {Guid.Empty}");
    }
}
