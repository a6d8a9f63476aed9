using System.Net;
using System.Text.Json;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>The maintenance endpoints of a real server.</summary>
public sealed class MaintenanceApiTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private string _operator = "";
    private Guid _computer;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _operator = await _api.KeyAsync("vmm", ApiRole.Operator);
        _computer = await _api.DiscoverComputerAsync("hv01.contoso.com");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        var (status, body, response) = await _api.SendAsync(method, path, _operator, json);
        response.Dispose();
        return (status, body);
    }

    [Fact]
    public async Task StartChangeListStop_TakeEffectAtOnce()
    {
        var path = $"/api/v1/objects/{_computer}/maintenance";

        var (started, entered) = await SendAsync(HttpMethod.Post, path, """{ "durationMinutes": 60, "reason": "PlannedHardwareMaintenance", "comment": "host patching" }""");
        started.Should().Be(HttpStatusCode.Created);
        entered.GetProperty("entered").EnumerateArray().Select(e => e.GetGuid()).Should().Equal(_computer);
        (await _api.Server.Engine.SummaryAsync(_computer))!.InMaintenance.Should().BeTrue("maintenance is effective when the call returns");

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
        (await _api.Server.Engine.SummaryAsync(_computer))!.InMaintenance.Should().BeFalse();
        (await SendAsync(HttpMethod.Delete, path)).Status.Should().Be(HttpStatusCode.NotFound);
        (await _api.Server.Operations.ReadMaintenanceAsync(CancellationToken.None)).Should().BeEmpty();
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
        (await _api.Server.Engine.MaintenanceAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Start_OnAnUnknownObject_Is404()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, $"/api/v1/objects/{Guid.Empty}/maintenance", """{ "durationMinutes": 60, "reason": "PlannedOther" }""");

        status.Should().Be(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().Should().Be($"there is no object {Guid.Empty}");
    }
}
