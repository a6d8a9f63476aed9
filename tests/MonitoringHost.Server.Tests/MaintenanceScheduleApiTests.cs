using System.Net;
using System.Text.Json;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>The recurring maintenance and resolution state endpoints of a real server.</summary>
public sealed class MaintenanceScheduleApiTests : IAsyncLifetime
{
    private const string Schedules = "/api/v1/maintenance-schedules";
    private LoopbackServer _api = null!;
    private string _operator = "";
    private Guid _computer;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _operator = await _api.KeyAsync("patching", ApiRole.Operator);
        _computer = await _api.DiscoverComputerAsync("db01.contoso.com");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null, string? key = null)
    {
        var (status, body, response) = await _api.SendAsync(method, path, key ?? _operator, json);
        response.Dispose();
        return (status, body);
    }

    [Fact]
    public async Task CreateReadReplaceDelete_AndTheEngineFollowsAtOnce()
    {
        // Every minute, for a day: an occurrence is under way as soon as the schedule exists.
        var (created, schedule) = await SendAsync(HttpMethod.Post, Schedules,
            $$"""{ "name": "patch night", "recurrence": "* * * * *", "timeZone": "Europe/Berlin", "durationMinutes": 1440, "targets": ["{{_computer}}"], "reason": "PlannedApplicationMaintenance", "comment": "KB5031234" }""");
        created.Should().Be(HttpStatusCode.Created);
        var id = schedule.GetProperty("id").GetGuid();
        (schedule.GetProperty("timeZone").GetString(), schedule.GetProperty("durationMinutes").GetDouble(), schedule.GetProperty("recursive").GetBoolean())
            .Should().Be(("Europe/Berlin", 1440d, true));
        (await _api.Server.Engine.SummaryAsync(_computer))!.InMaintenance.Should().BeTrue("a window under way starts when the call returns");

        var (listed, list) = await SendAsync(HttpMethod.Get, Schedules);
        listed.Should().Be(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Should().Equal("patch night");
        var (read, one) = await SendAsync(HttpMethod.Get, $"{Schedules}/{id}");
        read.Should().Be(HttpStatusCode.OK);
        one.GetProperty("comment").GetString().Should().Be("KB5031234");

        var (replaced, changed) = await SendAsync(HttpMethod.Post, Schedules,
            $$"""{ "id": "{{id}}", "name": "patch night", "recurrence": "0 2 * * 0", "durationMinutes": 60, "targets": ["{{_computer}}"], "reason": "PlannedOther", "enabled": false }""");
        replaced.Should().Be(HttpStatusCode.OK);
        (changed.GetProperty("enabled").GetBoolean(), changed.GetProperty("created").GetDateTimeOffset()).Should().Be((false, one.GetProperty("created").GetDateTimeOffset()));
        (await _api.Server.Operations.ReadMaintenanceSchedulesAsync(CancellationToken.None)).Should().ContainSingle().Which.Recurrence.Should().Be("0 2 * * 0");

        (await SendAsync(HttpMethod.Delete, $"{Schedules}/{id}")).Status.Should().Be(HttpStatusCode.NoContent);
        (await SendAsync(HttpMethod.Delete, $"{Schedules}/{id}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Get, $"{Schedules}/{id}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await _api.Server.Operations.ReadMaintenanceSchedulesAsync(CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Create_ListsEveryProblem_AndStoresNothing()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, Schedules,
            $$"""{ "name": " ", "recurrence": "FREQ=HOURLY", "timeZone": "UTC", "durationMinutes": 0, "targets": ["{{Guid.Empty}}"], "reason": "Holiday" }""");

        status.Should().Be(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("message").GetString());
        errors.Keys.Should().BeEquivalentTo(["name", "recurrence", "durationMinutes", "reason", "targets[0]"]);
        errors["targets[0]"].Should().Be($"there is no object {Guid.Empty}");
        (await _api.Server.Operations.ReadMaintenanceSchedulesAsync(CancellationToken.None)).Should().BeEmpty();

        var (zone, zoneProblem) = await SendAsync(HttpMethod.Post, Schedules,
            $$"""{ "name": "n", "recurrence": "0 2 * * *", "timeZone": "Mars/Olympus", "durationMinutes": 5, "targets": ["{{_computer}}"], "reason": "PlannedOther" }""");
        zone.Should().Be(HttpStatusCode.BadRequest);
        zoneProblem.GetProperty("errors")[0].GetProperty("path").GetString().Should().Be("timeZone");
    }

    [Fact]
    public async Task Schedules_NeedAnOperator_ToWrite_AndAReader_ToRead()
    {
        var reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
        var body = $$"""{ "name": "n", "recurrence": "0 2 * * *", "durationMinutes": 5, "targets": ["{{_computer}}"], "reason": "PlannedOther" }""";

        (await SendAsync(HttpMethod.Post, Schedules, body, reader)).Status.Should().Be(HttpStatusCode.Forbidden);
        (await SendAsync(HttpMethod.Get, Schedules, key: reader)).Status.Should().Be(HttpStatusCode.OK);
        (await _api.Server.Operations.ReadMaintenanceSchedulesAsync(CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task ResolutionStates_AnAdministratorAddsOne_AndAlertsCanBeSetToIt()
    {
        var admin = await _api.KeyAsync("admin", ApiRole.Administrator);

        (await SendAsync(HttpMethod.Post, "/api/v1/resolution-states", """{ "code": 15, "name": "Assigned to network team" }""")).Status
            .Should().Be(HttpStatusCode.Forbidden, "only an administrator defines resolution states");
        var (created, state) = await SendAsync(HttpMethod.Post, "/api/v1/resolution-states", """{ "code": 15, "name": "Assigned to network team" }""", admin);
        created.Should().Be(HttpStatusCode.Created);
        state.GetProperty("name").GetString().Should().Be("Assigned to network team");

        (await SendAsync(HttpMethod.Post, "/api/v1/resolution-states", """{ "code": 15, "name": "Other" }""", admin)).Status.Should().Be(HttpStatusCode.Conflict);
        var (bad, problem) = await SendAsync(HttpMethod.Post, "/api/v1/resolution-states", """{ "code": 255, "name": "" }""", admin);
        bad.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().BeEquivalentTo(["code", "name"]);

        var (_, list) = await SendAsync(HttpMethod.Get, "/api/v1/resolution-states");
        list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetInt32()).Should().Contain([0, 15, 255]);

        var (_, alert) = await SendAsync(HttpMethod.Post, "/api/v1/alerts", $$"""{ "monitoringObjectId": "{{_computer}}", "name": "Backup failed", "severity": "Error" }""");
        var (updated, patched) = await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{alert.GetProperty("id").GetGuid()}", """{ "resolutionState": 15 }""");
        updated.Should().Be(HttpStatusCode.OK);
        patched.GetProperty("resolutionState").GetInt32().Should().Be(15);
    }
}
