using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Criteria;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>Alert pages filtered by a criteria over a real store: how many alerts one request looks at, and where the next resumes.</summary>
public sealed class AlertListingTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;

    public async Task InitializeAsync() => _api = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task ReadMatching_StopsAfterTheScanBudget_WithACursorAfterTheLastAlertLookedAt()
    {
        var key = await _api.KeyAsync("runbook", ApiRole.Operator);
        var objectId = await _api.DiscoverComputerAsync("web01.contoso.com");
        for (var i = 0; i < 30; i++)
        {
            await _api.CreateAlertAsync(key, objectId, $"Alert {i:D2}", "Warning");
        }

        var all = (await _api.Server.Operations.ReadAlertsAsync(new AlertQuery(Limit: 100), CancellationToken.None)).Items;
        var wanted = all[25].Name;
        var filter = AlertCriteria.Schema().Compile($"Name = '{wanted}'");

        var pages = new List<AlertPage>();
        AlertCursor? cursor = null;
        do
        {
            pages.Add(await AlertListing.ReadMatchingAsync(_api.Server.Operations, new AlertQuery(After: cursor, Limit: 5), filter, CancellationToken.None, maxScanned: 10));
            cursor = pages[^1].Next;
        }
        while (cursor is not null && pages.Count < 10);

        pages.Select(p => p.Items.Count).Should().Equal(0, 0, 1);
        pages[0].Next.Should().Be(new AlertCursor(all[9].LastModified, all[9].Id));
        pages[1].Next.Should().Be(new AlertCursor(all[19].LastModified, all[19].Id));
        pages[2].Items.Single().Name.Should().Be(wanted);
    }

    [Fact]
    public async Task ReadMatching_AFullPage_ResumesAfterItsLastMatch()
    {
        var key = await _api.KeyAsync("runbook", ApiRole.Operator);
        var objectId = await _api.DiscoverComputerAsync("web01.contoso.com");
        for (var i = 0; i < 8; i++)
        {
            await _api.CreateAlertAsync(key, objectId, $"Alert {i}", i % 2 == 0 ? "Error" : "Warning");
        }

        var all = (await _api.Server.Operations.ReadAlertsAsync(new AlertQuery(Limit: 100), CancellationToken.None)).Items;
        var errors = all.Where(a => a.Severity == 2).ToList();
        var filter = AlertCriteria.Schema().Compile("Severity = 'Error'");

        var first = await AlertListing.ReadMatchingAsync(_api.Server.Operations, new AlertQuery(Limit: 3), filter, CancellationToken.None);
        var second = await AlertListing.ReadMatchingAsync(_api.Server.Operations, new AlertQuery(After: first.Next, Limit: 3), filter, CancellationToken.None);

        first.Items.Select(a => a.Id).Should().Equal(errors.Take(3).Select(a => a.Id));
        first.Next.Should().Be(new AlertCursor(errors[2].LastModified, errors[2].Id));
        second.Items.Select(a => a.Id).Should().Equal(errors.Skip(3).Select(a => a.Id));
        second.Next.Should().BeNull();
    }
}
