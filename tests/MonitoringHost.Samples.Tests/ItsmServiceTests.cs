using System.Net;
using System.Text.Json;
using Itsm.Service;

namespace MonitoringHost.Samples.Tests;

/// <summary>The ITSM service's own API: its change sequence, and bad input refused with where and what, changing nothing.</summary>
public sealed class ItsmServiceTests : ItsmFixture
{
    [Fact]
    public async Task ChangedAfter_ListsEveryIncidentChangedSinceASequence_InOrder()
    {
        var first = await OpenAsync("""{ "title": "VPN down", "affectedCi": "vpn01" }""");
        var second = await OpenAsync("""{ "title": "Mail queue stuck" }""");
        var resolved = await ChangeIncidentAsync(first.Id, """{ "status": "Resolved", "by": "ann" }""");

        (first.Id, second.Id, first.Status).Should().Be(("INC000001", "INC000002", IncidentStatus.New));
        (resolved.Status, resolved.ResolvedBy, resolved.Sequence).Should().Be((IncidentStatus.Resolved, "ann", 3));
        resolved.ResolvedAt.Should().NotBeNull();
        (await IncidentsAsync($"?changedAfter={second.Sequence}")).Select(i => i.Id).Should().Equal("INC000001");
        (await IncidentsAsync("?changedAfter=0")).Select(i => i.Id).Should().Equal("INC000002", "INC000001");
        (await IncidentsAsync("?status=resolved")).Select(i => i.Id).Should().Equal("INC000001");

        var reopened = await ChangeIncidentAsync(first.Id, """{ "status": "Active", "comment": "back again" }""");
        (reopened.ResolvedBy, reopened.ResolvedAt).Should().Be((null, null));
        reopened.Comments.Select(c => (c.By, c.Text)).Should().Equal(("api", "Incident opened"), ("ann", "Status New → Resolved"), ("api", "Status Resolved → Active"), ("api", "back again"));
    }

    [Theory]
    [InlineData("""{ "description": "no title" }""", "$.title")]
    [InlineData("""{ "title": "x", "priority": 1 }""", "$.priority")]
    [InlineData("""{ "title": 5 }""", "$.title")]
    [InlineData("""{ "title": "x", "urgency": "Urgent" }""", "$.urgency")]
    [InlineData("""{ "title": "x", "urgency": "high", "impact": "Huge" }""", "$.impact")]
    public async Task ABadNewIncident_IsRefused_SayingWhere_AndOpensNothing(string json, string path)
    {
        var (status, body) = await SendItsmAsync(HttpMethod.Post, "incidents", json);

        status.Should().Be(HttpStatusCode.BadRequest);
        JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal(path);
        (await IncidentsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task BadChangesAndQueries_AreRefused_AndChangeNothing()
    {
        var incident = await OpenAsync("""{ "title": "VPN down" }""");

        var (status, body) = await SendItsmAsync(HttpMethod.Patch, $"incidents/{incident.Id}", """{ "status": "Fixed" }""");
        (status, ErrorPaths(body)).Should().Be((HttpStatusCode.BadRequest, "$.status"));
        (status, body) = await SendItsmAsync(HttpMethod.Get, "incidents?changedAfter=-1&status=Done");
        (status, ErrorPaths(body)).Should().Be((HttpStatusCode.BadRequest, "changedAfter,status"));
        (status, _) = await SendItsmAsync(HttpMethod.Patch, "incidents/INC999999", """{ "status": "Active" }""");
        status.Should().Be(HttpStatusCode.NotFound);

        await ChangeIncidentAsync(incident.Id, """{ "status": "Closed" }""");
        (status, body) = await SendItsmAsync(HttpMethod.Patch, $"incidents/{incident.Id}", """{ "assignedTo": "bob" }""");
        status.Should().Be(HttpStatusCode.Conflict);
        body.Should().Contain($"incident {incident.Id} is closed");
        var unchanged = await IncidentOfIdAsync(incident.Id);
        (unchanged.Status, unchanged.AssignedTo).Should().Be((IncidentStatus.Closed, null));
    }

    private async Task<Incident> OpenAsync(string json)
    {
        var (status, body) = await SendItsmAsync(HttpMethod.Post, "incidents", json);
        status.Should().Be(HttpStatusCode.Created, body);
        return JsonSerializer.Deserialize<Incident>(body, ItsmServiceApp.Json)!;
    }

    private async Task<Incident> IncidentOfIdAsync(string id)
    {
        var (status, body) = await SendItsmAsync(HttpMethod.Get, $"incidents/{id}");
        status.Should().Be(HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<Incident>(body, ItsmServiceApp.Json)!;
    }

    private static string ErrorPaths(string problem) =>
        string.Join(',', JsonDocument.Parse(problem).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
}
