using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>
/// The change feed as server-sent events (<c>GET /api/v1/events</c>) of a real server: what a stream delivers is
/// exactly the feed, in order, ids being sequences; <c>since</c> and <c>Last-Event-ID</c> resume without gap or
/// repeat; <c>kinds</c> and the caller's role filter it.
/// </summary>
public sealed class EventStreamApiTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private string _operator = "";
    private string _reader = "";
    private Guid _computer;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _operator = await _api.KeyAsync("runbook", ApiRole.Operator);
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
        _computer = await _api.DiscoverComputerAsync("web01.contoso.com");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<long> HeadAsync() => _api.Server.Store.ReadFeedHeadAsync(CancellationToken.None);

    private async Task<IReadOnlyList<ChangeFeedEntry>> FeedAfterAsync(long after, Func<ChangeFeedEntry, bool>? which = null) =>
        [.. (await _api.Server.Store.ReadFeedAsync(after, 100_000, CancellationToken.None)).Where(which ?? (_ => true))];

    private async Task<Guid> AlertAsync(string name) => (await _api.CreateAlertAsync(_operator, _computer, name, "Error")).GetProperty("id").GetGuid();

    private async Task SendAsync(HttpMethod method, string path, string? json, HttpStatusCode expected)
    {
        var (status, body, response) = await _api.SendAsync(method, path, _operator, json);
        response.Dispose();
        status.Should().Be(expected, body.ValueKind == JsonValueKind.Undefined ? "" : body.ToString());
    }

    private Task StartMaintenanceAsync() =>
        SendAsync(HttpMethod.Post, $"/api/v1/objects/{_computer}/maintenance", """{ "durationMinutes": 60, "reason": "PlannedOther" }""", HttpStatusCode.Created);

    private Task StopMaintenanceAsync() => SendAsync(HttpMethod.Delete, $"/api/v1/objects/{_computer}/maintenance", null, HttpStatusCode.OK);

    /// <summary>The events are the feed's entries, one for one: id and sequence, kind, subject, time and data.</summary>
    private static void ShouldBeTheFeed(List<StreamedEvent> events, IReadOnlyList<ChangeFeedEntry> feed)
    {
        events.Select(e => (e.Id, e.Event)).Should().Equal(feed.Select(f => (f.Sequence, f.Kind)));
        foreach (var (streamed, entry) in events.Zip(feed))
        {
            var data = streamed.Data;
            (data.GetProperty("sequence").GetInt64(), data.GetProperty("kind").GetString(), data.GetProperty("subjectId").GetGuid(), data.GetProperty("time").GetDateTimeOffset())
                .Should().Be((entry.Sequence, entry.Kind, entry.SubjectId, entry.Time));
            using var payload = JsonDocument.Parse(entry.Payload);
            JsonElement.DeepEquals(data.GetProperty("data"), payload.RootElement).Should().BeTrue($"event {streamed.Id} carries the feed's payload {entry.Payload}");
        }
    }

    private static Func<List<StreamedEvent>, bool> Seen(string kind, Guid subject) =>
        events => events.Any(e => e.Event == kind && e.Data.GetProperty("subjectId").GetGuid() == subject);

    [Fact]
    public async Task Stream_WithoutSince_DeliversWhatCommitsFromNowOn_InOrder()
    {
        var before = await HeadAsync();
        await using var stream = await EventStreamReader.OpenAsync(_api.Url, _reader);
        var start = stream.LastId!.Value;
        start.Should().BeInRange(before, await HeadAsync(), "the stream starts at the feed's head");

        var alert = await AlertAsync("Backup failed");
        await StartMaintenanceAsync();
        await StopMaintenanceAsync();
        var (status, discovered, response) = await _api.SendAsync(HttpMethod.Post, "/api/v1/discovery-data", _operator,
            """{ "mode": "snapshot", "source": { "kind": "sdk", "id": "stream" }, "objects": [ { "class": "Microsoft.Windows.Computer", "properties": { "PrincipalName": "web02.contoso.com" } } ] }""");
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK, discovered.ToString());
        var web02 = _api.Server.Space.WithProperty("Microsoft.Windows.Computer", "PrincipalName", "web02.contoso.com").Single().Id;

        var events = await stream.ReadUntilAsync(Seen("object.added", web02));

        ShouldBeTheFeed(events, await FeedAfterAsync(start, f => f.Sequence <= events[^1].Id));
        events.Where(e => e.Event is "alert.created" or "maintenance.started" or "maintenance.ended" or "object.added")
            .Select(e => (e.Event, e.Data.GetProperty("subjectId").GetGuid()))
            .Should().Equal(("alert.created", alert), ("maintenance.started", _computer), ("maintenance.ended", _computer), ("object.added", web02));
        var created = events.Single(e => e.Event == "alert.created").Data.GetProperty("data");
        (created.GetProperty("name").GetString(), created.GetProperty("monitoringObjectId").GetGuid(), created.GetProperty("severity").GetInt32())
            .Should().Be(("Backup failed", _computer, 2));
        events.Single(e => e.Event == "maintenance.started").Data.GetProperty("data").GetProperty("by").GetString().Should().Be("runbook");
    }

    [Fact]
    public async Task Since_ReplaysExactlyWhatFollowed_AndZeroIsTheFeedsStart()
    {
        var before = await HeadAsync();
        var alerts = new List<Guid> { await AlertAsync("Disk full"), await AlertAsync("CPU high"), await AlertAsync("Service down") };
        var feed = await FeedAfterAsync(before);

        await using var stream = await EventStreamReader.OpenAsync(_api.Url, _reader, $"?since={before}");
        stream.LastId.Should().Be(before);
        var events = await stream.ReadUntilAsync(e => e.Count == feed.Count);

        ShouldBeTheFeed(events, feed);
        events.Where(e => e.Event == "alert.created").Select(e => e.Data.GetProperty("subjectId").GetGuid()).Should().Equal(alerts);

        var everything = await FeedAfterAsync(0);
        await using var fromStart = await EventStreamReader.OpenAsync(_api.Url, _reader, "?since=0");
        ShouldBeTheFeed(await fromStart.ReadUntilAsync(e => e.Count == everything.Count), everything);
        everything[0].Sequence.Should().Be(1);
    }

    [Fact]
    public async Task Since_FarBehind_CatchesUpPageByPage()
    {
        var before = await HeadAsync();
        foreach (var batch in new[] { "a", "b" })
        {
            var alerts = string.Join(",", Enumerable.Range(0, 700).Select(i => $$"""{ "monitoringObjectId": "{{_computer}}", "name": "Batch {{batch}} {{i}}", "severity": "Warning" }"""));
            await SendAsync(HttpMethod.Post, "/api/v1/alerts", $"[{alerts}]", HttpStatusCode.Created);
        }

        var feed = await FeedAfterAsync(before);
        feed.Count(f => f.Kind == "alert.created").Should().Be(1400, "more than one page of the stream's reads");

        await using var stream = await EventStreamReader.OpenAsync(_api.Url, _reader, $"?since={before}");
        ShouldBeTheFeed(await stream.ReadUntilAsync(e => e.Count == feed.Count), feed);
    }

    [Fact]
    public async Task Reconnect_WithLastEventId_GetsEveryEventAfterIt_IncludingThoseCommittedWhileAway()
    {
        long lastSeen;
        var first = await AlertAsync("Before the drop");
        await using (var stream = await EventStreamReader.OpenAsync(_api.Url, _reader, "?since=0"))
        {
            lastSeen = (await stream.ReadUntilAsync(Seen("alert.created", first)))[^1].Id;
        }

        var whileAway = new List<Guid> { await AlertAsync("While away 1"), await AlertAsync("While away 2") };
        await StartMaintenanceAsync();
        var missed = await FeedAfterAsync(lastSeen);

        // EventSource sends Last-Event-ID on reconnect; it wins over the since of the original URL.
        await using var resumed = await EventStreamReader.OpenAsync(_api.Url, _reader, "?since=0", lastEventId: lastSeen.ToString(CultureInfo.InvariantCulture));
        resumed.LastId.Should().Be(lastSeen);
        var events = await resumed.ReadUntilAsync(e => e.Count == missed.Count);

        ShouldBeTheFeed(events, missed);
        events[0].Id.Should().Be(missed[0].Sequence).And.BeGreaterThan(lastSeen);
        events.Where(e => e.Event == "alert.created").Select(e => e.Data.GetProperty("subjectId").GetGuid()).Should().Equal(whileAway);
        events.Should().Contain(e => e.Event == "maintenance.started");
    }

    [Fact]
    public async Task Kinds_KeepsTheExactKindsAndFamiliesAsked()
    {
        var before = await HeadAsync();
        var alert = await AlertAsync("Filtered");
        await StartMaintenanceAsync();
        await StopMaintenanceAsync();
        await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{alert}", """{ "owner": "dana" }""", HttpStatusCode.OK);
        var expected = await FeedAfterAsync(before, f => f.Kind.StartsWith("alert.", StringComparison.Ordinal) || f.Kind == "maintenance.ended");

        await using var stream = await EventStreamReader.OpenAsync(_api.Url, _reader, $"?since={before}&kinds=alert.*,maintenance.ended");
        var events = await stream.ReadUntilAsync(e => e.Count == expected.Count);

        ShouldBeTheFeed(events, expected);
        events.Select(e => e.Event).Should().Equal("alert.created", "maintenance.ended", "alert.updated");
        events[^1].Data.GetProperty("data").GetProperty("owner").GetString().Should().Be("dana");
    }

    [Fact]
    public async Task ConnectorKey_SeesNoObjectHealthOrMaintenanceEvents_NorAlertsNotAssignedToIt()
    {
        var connector = await _api.KeyAsync("itsm", ApiRole.Connector, Guid.NewGuid());
        await AlertAsync("Not for the connector");
        await StartMaintenanceAsync();
        await StopMaintenanceAsync();
        var feed = await FeedAfterAsync(0);
        feed.Select(f => f.Kind.Split('.')[0]).Distinct().Should().Contain(["object", "alert", "maintenance"]);

        await using var reader = await EventStreamReader.OpenAsync(_api.Url, _reader, "?since=0");
        await using var connectorStream = await EventStreamReader.OpenAsync(_api.Url, connector, "?since=0");
        ShouldBeTheFeed(await reader.ReadUntilAsync(e => e.Count == feed.Count), feed);

        // The reader's stream has had the whole feed; the connector's, reading the same feed, passes all of it by.
        (await connectorStream.NextAsync(TimeSpan.FromSeconds(2))).Should().BeNull();
    }

    [Fact]
    public async Task ConnectorKey_StreamsTheAlertEventsOfAlertsMarkedForIt_UpToTheOneThatReleasesIt()
    {
        var admin = await _api.KeyAsync("admin", ApiRole.Administrator);
        var (status, registered, response) = await _api.SendAsync(HttpMethod.Post, "/api/v1/connectors", admin, """{ "name": "Contoso.Itsm" }""");
        response.Dispose();
        status.Should().Be(HttpStatusCode.Created);
        var connector = registered.GetProperty("id").GetGuid();
        var key = registered.GetProperty("apiKey").GetString()!;
        await using var stream = await EventStreamReader.OpenAsync(_api.Url, key);

        var other = await AlertAsync("Someone else's");
        var mine = await AlertAsync("Marked for the connector");
        await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{mine}", $$"""{ "connectorId": "{{connector}}" }""", HttpStatusCode.OK);
        await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{mine}", """{ "owner": "dana" }""", HttpStatusCode.OK);
        await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{other}", """{ "owner": "kim" }""", HttpStatusCode.OK);
        await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{mine}", """{ "connectorId": "00000000-0000-0000-0000-000000000000" }""", HttpStatusCode.OK);
        await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{mine}", """{ "owner": "lee" }""", HttpStatusCode.OK);

        var events = await stream.ReadUntilAsync(e => e.Count == 3);
        events.Select(e => (e.Event, e.Data.GetProperty("subjectId").GetGuid())).Should().Equal(
            ("alert.updated", mine), ("alert.updated", mine), ("alert.updated", mine));
        events.Select(e => e.Data.GetProperty("data").GetProperty("owner").GetString()).Should().Equal(null, "dana", "dana");
        (await stream.NextAsync(TimeSpan.FromSeconds(1))).Should().BeNull("the alert was released, and the other was never its");
    }

    [Fact]
    public async Task ConnectorFilter_PassesAlertEventsOfItsAlerts_AndTheUpdateThatTakesOneAway()
    {
        var own = Guid.NewGuid();
        var alert = await AlertAsync("Assigned");
        await SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{alert}", """{ "owner": "dana" }""", HttpStatusCode.OK);
        await StartMaintenanceAsync();
        var feed = await FeedAfterAsync(0);
        var created = feed.Single(f => f.Kind == "alert.created" && f.SubjectId == alert);
        var updated = feed.Single(f => f.Kind == "alert.updated" && f.SubjectId == alert);
        var maintenance = feed.First(f => f.Kind == "maintenance.started");

        // The alert's payload as it is once assigned to a connector (the feed writes its connectorId).
        bool Passes(ChangeFeedEntry entry, Action<JsonObject> assign)
        {
            var payload = JsonNode.Parse(entry.Payload)!.AsObject();
            assign(payload);
            using var data = JsonDocument.Parse(payload.ToJsonString());
            return EventStreamEndpoints.IsConnectorsAlert(entry, data.RootElement, own);
        }

        Passes(created, _ => { }).Should().BeFalse("an alert assigned to no connector is no connector's");
        Passes(created, p => p["connectorId"] = own).Should().BeTrue();
        Passes(updated, p => p["connectorId"] = own).Should().BeTrue();
        Passes(created, p => p["connectorId"] = Guid.NewGuid()).Should().BeFalse("another connector's alert");
        Passes(updated, p => p["history"]!["changes"]!["connectorId"] = new JsonArray(own.ToString(), null)).Should().BeTrue("the update that takes the alert away");
        Passes(maintenance, p => p["connectorId"] = own).Should().BeFalse("only alert events");
    }

    [Theory]
    [InlineData("?since=-1", null, "since")]
    [InlineData("?since=abc", null, "since")]
    [InlineData("?since=1&since=2", null, "since")]
    [InlineData("?since=1", "latest", "Last-Event-ID")]
    [InlineData("?kinds=alert.**", null, "kinds")]
    [InlineData("?kinds=alert.*,,health.changed", null, "kinds")]
    [InlineData("?kinds=Alert.created", null, "kinds")]
    public async Task BadParameters_Are400_NamingTheParameter(string query, string? lastEventId, string parameter)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_api.Url + "/api/v1/events" + query));
        request.Headers.Authorization = new("Bearer", _reader);
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        using var client = new HttpClient();
        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = problem.RootElement.GetProperty("errors").EnumerateArray().Should().ContainSingle().Subject;
        error.GetProperty("path").GetString().Should().Be(parameter);
        error.GetProperty("message").GetString().Should().Contain(parameter);
    }

    [Fact]
    public async Task ServerStop_EndsTheStream_AndAClientLeaving_LogsNoError()
    {
        var log = new CollectingLog();
        await _api.StopAsync();
        _api.Logging = log;
        await _api.StartAgainAsync();

        await using (var leaving = await EventStreamReader.OpenAsync(_api.Url, _reader, "?since=0"))
        {
            (await leaving.NextAsync(TimeSpan.FromSeconds(10))).Should().NotBeNull();
        }

        await using var stream = await EventStreamReader.OpenAsync(_api.Url, _reader);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var stopping = _api.StopAsync();

        (await stream.EndsWithinAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("the stream ends when the server stops");
        await stopping;
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "an open stream does not hold the server's stop up");
        log.Entries.Should().Contain(e => e.Category == "Microsoft.Hosting.Lifetime", "the application logs here");
        log.Entries.Where(e => e.Level >= LogLevel.Warning || e.Exception is not null).Should().BeEmpty();
        await _api.StartAgainAsync();
    }
}
