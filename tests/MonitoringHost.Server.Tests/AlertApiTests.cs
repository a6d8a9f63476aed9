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

    [Fact]
    public async Task Create_ManyAtOnce_AreCommittedTogether_OrNotAtAll()
    {
        var target = AnObject;
        var (bad, problem, _) = await SendAsync(HttpMethod.Post, "/api/v1/alerts", _operator,
            $$"""[ { "monitoringObjectId": "{{target}}", "name": "ok", "severity": "Error" }, { "monitoringObjectId": "{{Guid.Empty}}", "name": "lost", "severity": "Error" }, { "monitoringObjectId": "{{target}}", "name": "odd", "severity": "Fatal" } ]""");
        bad.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().Equal("[1].monitoringObjectId", "[2].severity");
        (await _api.Server.Engine.OpenAlertsAsync()).Should().BeEmpty("a refused batch creates nothing");

        var (created, list, _) = await SendAsync(HttpMethod.Post, "/api/v1/alerts", _operator,
            $$"""[ { "monitoringObjectId": "{{target}}", "name": "Runbook A failed", "severity": "Error" }, { "monitoringObjectId": "{{target}}", "name": "Runbook B failed", "severity": "Warning", "customField1": "job-2" } ]""");
        created.Should().Be(HttpStatusCode.Created);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Select(a => (a.GetProperty("name").GetString(), a.GetProperty("severityName").GetString())).Should().Equal(("Runbook A failed", "Error"), ("Runbook B failed", "Warning"));
        foreach (var item in items)
        {
            (await _api.Server.Operations.ReadAlertAsync(item.GetProperty("id").GetGuid(), CancellationToken.None))!.Name.Should().Be(item.GetProperty("name").GetString(), "the answer comes once they are stored");
        }

        (await SendAsync(HttpMethod.Post, "/api/v1/alerts", _operator, "[]")).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BatchUpdate_UpdatesTheKnownAlerts_AndSaysWhyTheOthersWereNot()
    {
        var target = AnObject;
        var (_, list, _) = await SendAsync(HttpMethod.Post, "/api/v1/alerts", _operator,
            $$"""[ { "monitoringObjectId": "{{target}}", "name": "A", "severity": "Error" }, { "monitoringObjectId": "{{target}}", "name": "B", "severity": "Error" } ]""");
        var ids = list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        var unknown = Guid.NewGuid();

        var (status, result, _) = await SendAsync(HttpMethod.Post, "/api/v1/alerts:batchUpdate", _operator,
            $$"""{ "ids": ["{{ids[0]}}", "{{ids[1]}}", "{{unknown}}"], "patch": { "owner": "ann", "ticketId": "INC7" }, "comment": "bulk triage" }""");

        status.Should().Be(HttpStatusCode.OK);
        result.GetProperty("updated").EnumerateArray().Select(e => e.GetGuid()).Should().BeEquivalentTo(ids);
        var failure = result.GetProperty("failures").EnumerateArray().Should().ContainSingle().Subject;
        failure.GetProperty("id").GetGuid().Should().Be(unknown);
        failure.GetProperty("reason").GetString().Should().Contain(unknown.ToString());
        foreach (var id in ids)
        {
            var stored = (await _api.Server.Operations.ReadAlertAsync(id, CancellationToken.None))!;
            (stored.Owner, stored.TicketId).Should().Be(("ann", "INC7"));
            (await _api.Server.Operations.ReadAlertHistoryAsync(id, CancellationToken.None))[^1].Comment.Should().Be("bulk triage");
        }

        (await SendAsync(HttpMethod.Post, "/api/v1/alerts:batchUpdate", _reader, $$"""{ "ids": ["{{ids[0]}}"], "patch": { "owner": "x" } }""")).Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_WithABodyThatIsNotJson_Is415_WithAProblemDocument()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_api.Url + "/api/v1/alerts"))
        {
            Content = new StringContent("name=x", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _operator);
        using var client = new HttpClient();

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("the body must be application/json");
    }
}
