using System.Net;
using System.Text.Json;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>The alert endpoints of a real server, as a runbook or an operator calls them.</summary>
public sealed class AlertApiTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private string _operator = "";
    private string _reader = "";

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _operator = await _api.KeyAsync("runbook", ApiRole.Operator);
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Guid AnObject => _api.Server.Space.OfClass("System.Entity")[0].Id;

    private Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string key, string? json = null, string? ifMatch = null) =>
        _api.SendAsync(method, path, key, json, ifMatch);

    [Fact]
    public async Task CreateUpdateAndHistory_AsARunbookDoes()
    {
        var (created, alert, createdResponse) = await SendAsync(HttpMethod.Post, "/api/v1/alerts", _operator,
            $$"""{ "monitoringObjectId": "{{AnObject}}", "name": "Runbook Nightly.Backup failed", "description": "job 42 ended in error", "severity": "Error", "priority": "High", "customField1": "job 42" }""");

        created.Should().Be(HttpStatusCode.Created);
        var id = alert.GetProperty("id").GetGuid();
        createdResponse.Headers.Location!.ToString().Should().Be($"/api/v1/alerts/{id}");
        createdResponse.Headers.ETag!.Tag.Should().Be("\"1\"");
        (alert.GetProperty("severity").GetInt32(), alert.GetProperty("priority").GetInt32(), alert.GetProperty("resolutionState").GetInt32()).Should().Be((2, 2, 0));
        alert.GetProperty("isMonitorAlert").GetBoolean().Should().BeFalse();
        alert.GetProperty("customField1").GetString().Should().Be("job 42");
        alert.GetProperty("lastModifiedBy").GetString().Should().Be("runbook");

        var (updated, patched, _) = await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{id}", _operator,
            """{ "resolutionState": 249, "owner": "ann", "ticketId": "INC0042", "comment": "looking" }""", ifMatch: "\"1\"");
        updated.Should().Be(HttpStatusCode.OK);
        (patched.GetProperty("owner").GetString(), patched.GetProperty("ticketId").GetString(), patched.GetProperty("version").GetInt64()).Should().Be(("ann", "INC0042", 2));

        var (stale, conflict, _) = await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{id}", _operator, """{ "owner": "bob" }""", ifMatch: "\"1\"");
        stale.Should().Be(HttpStatusCode.Conflict);
        conflict.GetProperty("detail").GetString().Should().Contain("1").And.Contain("2");

        var (_, history, _) = await SendAsync(HttpMethod.Get, $"/api/v1/alerts/{id}/history", _reader);
        var entry = history.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("by").GetString().Should().Be("runbook");
        entry.GetProperty("byKind").GetString().Should().Be("user");
        entry.GetProperty("comment").GetString().Should().Be("looking");
        entry.GetProperty("changes").GetProperty("owner").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).Should().Equal(null, "ann");

        var (listed, page, _) = await SendAsync(HttpMethod.Get, "/api/v1/alerts?open=true", _reader);
        listed.Should().Be(HttpStatusCode.OK);
        page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).Should().Equal(id);
        var (got, one, gotResponse) = await SendAsync(HttpMethod.Get, $"/api/v1/alerts/{id}", _reader);
        (got, gotResponse.Headers.ETag!.Tag, one.GetProperty("resolutionState").GetInt32()).Should().Be((HttpStatusCode.OK, "\"2\"", 249));
    }

    [Theory]
    [InlineData("{ \"name\": ", "", "invalid")]
    [InlineData("{ \"name\": \"x\", \"severity\": \"Error\", \"colour\": \"red\" }", "$", "invalid")]
    [InlineData("{ \"name\": \"x\", \"severity\": \"Error\", \"monitoringObjectId\": 7 }", "$.monitoringObjectId", "invalid")]
    [InlineData("{ \"name\": \"x\", \"severity\": \"Catastrophic\", \"objectPath\": \"nowhere\" }", "objectPath", "unknown-object")]
    public async Task Create_BadBodies_Are400_NamingWhere_AndChangeNothing(string json, string pathStart, string code)
    {
        var (status, problem, response) = await SendAsync(HttpMethod.Post, "/api/v1/alerts", _operator, json);

        status.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var first = problem.GetProperty("errors").EnumerateArray().First();
        first.GetProperty("path").GetString().Should().StartWith(pathStart);
        first.GetProperty("code").GetString().Should().Be(code);
        first.GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
        (await _api.Server.Engine.OpenAlertsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Create_UnknownSeverity_IsListedWithTheUnknownObject()
    {
        var (status, problem, _) = await SendAsync(HttpMethod.Post, "/api/v1/alerts", _operator, """{ "name": "x", "severity": "Catastrophic", "objectPath": "nowhere" }""");

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().Equal("objectPath", "severity");
    }

    [Fact]
    public async Task Writes_NeedAnOperatorKey_AndAnOversizeBodyIs413()
    {
        var (forbidden, _, _) = await SendAsync(HttpMethod.Post, "/api/v1/alerts", _reader, """{ "name": "x", "severity": "Error" }""");
        var (tooLarge, _, _) = await SendAsync(HttpMethod.Post, "/api/v1/alerts", _operator, $$"""{ "name": "{{new string('x', 1_100_000)}}", "severity": "Error" }""");
        var (unknown, _, _) = await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{Guid.NewGuid()}", _operator, """{ "owner": "x" }""");

        forbidden.Should().Be(HttpStatusCode.Forbidden);
        tooLarge.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        unknown.Should().Be(HttpStatusCode.NotFound);
        (await _api.Server.Engine.OpenAlertsAsync()).Should().BeEmpty();
    }
}
