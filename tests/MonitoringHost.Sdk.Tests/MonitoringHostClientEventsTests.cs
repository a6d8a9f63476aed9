using System.Net;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>The client's event stream against a real server on loopback, across a restart of that server.</summary>
public sealed class MonitoringHostClientEventsTests : IAsyncLifetime
{
    private LoopbackClient _at = null!;

    private MonitoringHostClient Client => _at.Client;

    private LoopbackServer Api => _at.Api;

    public async Task InitializeAsync()
    {
        _at = await LoopbackClient.StartAsync("ops", ApiRole.Operator, "app01.contoso.com");
        Api.KeepPort = true;
    }

    public async Task DisposeAsync() => await _at.DisposeAsync();

    private Task<long> HeadAsync() => Api.Server.Store.ReadFeedHeadAsync(CancellationToken.None);

    private async Task<IReadOnlyList<ChangeFeedEntry>> FeedAfterAsync(long after, long upTo) =>
        [.. (await Api.Server.Store.ReadFeedAsync(after, 100_000, CancellationToken.None)).Where(f => f.Sequence <= upTo)];

    private Task<MonitoringAlert> AlertAsync(string name) => Client.CreateAlertAsync(new NewAlert(name, "Error", _at.Computer));

    /// <summary>Reads events until one is of <paramref name="kind"/> about <paramref name="subject"/>; <paramref name="pending"/> is a read already under way.</summary>
    private static async Task<List<ChangeEvent>> ReadUntilAsync(IAsyncEnumerator<ChangeEvent> events, string kind, Guid subject, Task<bool>? pending = null)
    {
        var read = new List<ChangeEvent>();
        while (read.Count == 0 || read[^1].Kind != kind || read[^1].SubjectId != subject)
        {
            var more = await (pending ?? events.MoveNextAsync().AsTask()).WaitAsync(TimeSpan.FromSeconds(30));
            pending = null;
            more.Should().BeTrue();
            read.Add(events.Current);
        }

        return read;
    }

    [Fact]
    public async Task StreamEvents_ResumesAcrossAServerRestart_WithNoGapAndNoRepeat()
    {
        var start = await HeadAsync();
        using var stop = new CancellationTokenSource();
        await using var events = Client.StreamEventsAsync(since: start, cancellationToken: stop.Token).GetAsyncEnumerator(stop.Token);
        var first = await AlertAsync("Before the restart");
        var received = await ReadUntilAsync(events, "alert.created", first.Id);

        // The stream is waiting for more when the server goes away; it reconnects once the server is back, and gets
        // what the restart itself and the calls right after it committed.
        var pending = events.MoveNextAsync().AsTask();
        await Api.StopAsync();
        await Api.StartAgainAsync();
        var second = await AlertAsync("After the restart");
        await Client.StartMaintenanceAsync(_at.Computer, new MaintenanceStart("PlannedOther", DurationMinutes: 30));
        var third = await AlertAsync("Last");
        received.AddRange(await ReadUntilAsync(events, "alert.created", third.Id, pending));

        var feed = await FeedAfterAsync(start, received[^1].Sequence);
        received.Select(e => (e.Sequence, e.Kind, e.SubjectId, e.Time)).Should().Equal(feed.Select(f => (f.Sequence, f.Kind, f.SubjectId, f.Time)));
        received.Where(e => e.Kind == "alert.created").Select(e => e.Data.GetProperty("name").GetString())
            .Should().Equal("Before the restart", "After the restart", "Last");
        received.Should().Contain(e => e.Kind == "maintenance.started" && e.SubjectId == _at.Computer);
        received.Single(e => e.SubjectId == second.Id).Time.Should().BeCloseTo(second.TimeAdded, TimeSpan.FromMilliseconds(1), "the store keeps times to the microsecond");

        await stop.CancelAsync();
        await events.Invoking(e => e.MoveNextAsync().AsTask()).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task StreamEvents_WithKinds_DeliversOnlyThose()
    {
        var start = await HeadAsync();
        var alert = await AlertAsync("Only alerts");
        await Client.StartMaintenanceAsync(_at.Computer, new MaintenanceStart("PlannedOther", DurationMinutes: 30));
        await Client.UpdateAlertAsync(alert.Id, new AlertChange(Owner: "dana"));

        using var stop = new CancellationTokenSource();
        await using var events = Client.StreamEventsAsync(start, ["alert.*"], stop.Token).GetAsyncEnumerator(stop.Token);
        var received = await ReadUntilAsync(events, "alert.updated", alert.Id);

        received.Select(e => (e.Kind, e.SubjectId)).Should().Equal(("alert.created", alert.Id), ("alert.updated", alert.Id));
        received[1].Data.GetProperty("owner").GetString().Should().Be("dana");
    }

    [Fact]
    public async Task StreamEvents_WithABadSince_ThrowsThe400()
    {
        var refusal = (await Client.Invoking(async c =>
        {
            await foreach (var _ in c.StreamEventsAsync(since: -1))
            {
            }
        }).Should().ThrowAsync<MonitoringHostApiException>()).Which;

        refusal.Status.Should().Be(HttpStatusCode.BadRequest);
        refusal.Errors.Should().ContainSingle().Which.Path.Should().Be("since");
    }
}
