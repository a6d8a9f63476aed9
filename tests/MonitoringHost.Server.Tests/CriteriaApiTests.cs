using System.Net;
using System.Text.Json;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary><c>criteria=</c> on the alert and object lists of a real server, as SCOM users write it.</summary>
public sealed class CriteriaApiTests : IAsyncLifetime
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

    private async Task<JsonElement> ListAsync(string list, string criteria, string? more = null)
    {
        var (status, body, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/{list}?criteria={Uri.EscapeDataString(criteria)}{more}", _reader);
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static string[] Names(JsonElement page, string field = "name") =>
        [.. page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty(field).GetString()!)];

    [Fact]
    public async Task Alerts_SparseMatches_ArePagedAcrossStorePages_WithoutLossOrRepeat()
    {
        var objectId = await _api.DiscoverComputerAsync("web01.contoso.com");
        for (var batch = 0; batch < 15; batch++)
        {
            await Task.WhenAll(Enumerable.Range(batch * 10, 10).Select(i =>
                _api.CreateAlertAsync(_operator, objectId, $"Backup {i:D3}", i % 10 == 9 ? "Error" : "Warning", $", \"customField1\": \"{(i % 10 == 9 ? "tape" : "disk")}\"")));
        }

        var pages = new List<string[]>();
        string? cursor = null;
        do
        {
            var page = await ListAsync("alerts", "CustomField1 = 'TAPE' AND Severity = 'Error'", $"&limit=4{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            pages.Add(Names(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 10);

        pages.Select(p => p.Length).Should().Equal(4, 4, 4, 3);
        pages.SelectMany(p => p).Should().BeEquivalentTo(Enumerable.Range(0, 15).Select(i => $"Backup {i * 10 + 9:D3}"));
        Names(await ListAsync("alerts", "Severity = 2 AND CustomField1 <> 'tape'")).Should().BeEmpty();
        Names(await ListAsync("alerts", "Name LIKE 'Backup 14_' AND Severity < 'Error'", "&limit=100")).Should().BeEquivalentTo(
            Enumerable.Range(140, 9).Select(i => $"Backup {i:D3}"));
    }

    [Fact]
    public async Task Alerts_CriteriaWorksWithOpenAndSince()
    {
        var objectId = await _api.DiscoverComputerAsync("db01.contoso.com");
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var alert = await _api.CreateAlertAsync(_operator, objectId, $"Job {i}", "Error", $", \"owner\": \"{(i < 4 ? "ann" : "bob")}\"");
            ids.Add(alert.GetProperty("id").GetGuid());
        }

        string? closedAt = null;
        foreach (var id in ids.Take(2))
        {
            var (_, closed, response) = await _api.SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{id}", _operator, """{ "resolutionState": 255 }""");
            response.Dispose();
            closedAt ??= closed.GetProperty("lastModified").GetString();
        }

        Names(await ListAsync("alerts", "Owner = 'ann'", "&open=true")).Should().BeEquivalentTo("Job 2", "Job 3");
        Names(await ListAsync("alerts", "ResolutionState = 'Closed' OR Owner = 'bob'")).Should().BeEquivalentTo("Job 0", "Job 1", "Job 4", "Job 5");
        Names(await ListAsync("alerts", "ResolutionState <> 255", $"&since={Uri.EscapeDataString(closedAt!)}")).Should().BeEmpty();
        Names(await ListAsync("alerts", "NOT Owner = 'bob'", $"&since={Uri.EscapeDataString(closedAt!)}")).Should().BeEquivalentTo("Job 0", "Job 1");
        Names(await ListAsync("alerts", $"MonitoringObjectId = '{objectId}' AND TimeRaised > '2000-01-01T00:00:00Z' AND Owner IS NOT NULL AND TicketId IS NULL"))
            .Should().HaveCount(6);
    }

    [Theory]
    [InlineData("alerts", "Severity = ", 12, "syntax", null, "at position 12: expected a value after '='")]
    [InlineData("alerts", "Name = 'x' AND Colour = 'red'", 16, "unknown-field", "Colour", "at position 16: unknown field 'Colour'")]
    [InlineData("alerts", "Severity = 'Catastrophic'", 12, "type", "severity", "at position 12: 'Catastrophic' does not fit severity, an enum field")]
    [InlineData("alerts", "TimeRaised > 'yesterday'", 14, "type", "timeRaised", "at position 14: 'yesterday' does not fit timeRaised, a date-time field")]
    [InlineData("objects", "(healthState = 3", 17, "syntax", null, "at position 17: expected ')' to close the '(' at position 1")]
    [InlineData("objects", "Shoesize > 42", 1, "unknown-field", "Shoesize", "at position 1: unknown field 'Shoesize'")]
    [InlineData("objects", "IsVirtualMachine = 'perhaps'", 20, "type", "properties.IsVirtualMachine", "at position 20: 'perhaps' does not fit properties.IsVirtualMachine, a boolean field")]
    public async Task BadCriteria_Are400_SayingWhereAndWhat(string list, string criteria, int column, string code, string? field, string message)
    {
        var (status, problem, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/{list}?criteria={Uri.EscapeDataString(criteria)}", _reader);
        response.Dispose();

        status.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        problem.GetProperty("detail").GetString().Should().StartWith($"criteria {message}");
        var error = problem.GetProperty("errors").EnumerateArray().Should().ContainSingle().Subject;
        error.GetProperty("path").GetString().Should().Be("criteria");
        error.GetProperty("column").GetInt32().Should().Be(column);
        error.GetProperty("code").GetString().Should().Be(code);
        (error.TryGetProperty("field", out var named) ? named.GetString() : null).Should().Be(field, "a problem names the field only when it is about one");
        error.GetProperty("message").GetString().Should().StartWith(message);
    }

    [Fact]
    public async Task APatternThatBacktracksWithoutEnd_Is400_NotAHungRequest()
    {
        var objectId = await _api.DiscoverComputerAsync("web01.contoso.com");
        await _api.CreateAlertAsync(_operator, objectId, new string('a', 40) + "!", "Error");

        var (status, problem, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/alerts?criteria={Uri.EscapeDataString("Name MATCHES '^(a+)+$'")}", _reader);
        response.Dispose();

        status.Should().Be(HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors").EnumerateArray().Should().ContainSingle().Subject;
        error.GetProperty("path").GetString().Should().Be("criteria");
        error.GetProperty("message").GetString().Should().Be("the pattern ^(a+)+$ took longer than 250 ms on one value; write one that does not backtrack so much");
    }

    [Fact]
    public async Task Objects_ByFieldsAndProperties_Paged()
    {
        await _api.Server.Space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("tests"),
        [
            Computer("web01.contoso.com", "WEB01", virtualMachine: true),
            Computer("web02.contoso.com", "WEB02", virtualMachine: false),
            Computer("db01.contoso.com", "DB01", virtualMachine: true),
        ]), CancellationToken.None);
        await _api.Server.Engine.FlushAsync();

        Names(await ListAsync("objects", "NetworkName LIKE 'web%'"), "displayName").Should().BeEquivalentTo("web01.contoso.com", "web02.contoso.com");
        Names(await ListAsync("objects", "properties.IsVirtualMachine = true AND className = 'Microsoft.Windows.Computer'"), "displayName")
            .Should().BeEquivalentTo("web01.contoso.com", "db01.contoso.com");
        Names(await ListAsync("objects", "healthState = 'Uninitialized' AND inMaintenanceMode = false AND isAvailable = true AND path MATCHES '^db'"), "displayName")
            .Should().Equal("db01.contoso.com");
        Names(await ListAsync("objects", "fullName = 'Microsoft.Windows.Computer:web02.contoso.com' OR NOT PrincipalName IS NOT NULL AND id IS NULL"), "displayName")
            .Should().Equal("web02.contoso.com");

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ListAsync("objects", "netbiosComputerName IS NOT NULL AND PrincipalName LIKE '%.contoso.com'", $"&limit=1{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(Names(page, "displayName"));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && seen.Count < 10);

        seen.Should().BeEquivalentTo("web01.contoso.com", "web02.contoso.com", "db01.contoso.com");
    }

    private static ObjectData Computer(string name, string netbios, bool virtualMachine) =>
        new("Microsoft.Windows.Computer", new Dictionary<string, string?>
        {
            ["PrincipalName"] = name,
            ["NetworkName"] = name,
            ["NetbiosComputerName"] = netbios,
            ["IsVirtualMachine"] = virtualMachine ? "true" : "false",
        });
}
