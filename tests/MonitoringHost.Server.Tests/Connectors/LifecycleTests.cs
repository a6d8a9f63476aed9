using System.Net;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Server.Tests.Connectors;

/// <summary>Deleting and disabling a connector: what it owned goes, what it was given is released, what waits stays.</summary>
public sealed class LifecycleTests : ConnectorFixture
{
    private static DiscoveredObject HostObject(string name) => new("Test.Sdk.VirtualizationHost", new Dictionary<string, string?> { ["HostName"] = name });

    [Fact]
    public async Task Delete_RemovesWhatOnlyItClaimed_AndReleasesItsAlerts()
    {
        var (id, client) = await RegisterAsync("Test.Vmm", new ConnectorSubscription());
        await client.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("snapshot", new DiscoverySourceRef("connector", id.ToString()), [HostObject("hv01"), HostObject("hv02")]));
        await Admin.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("incremental", new DiscoverySourceRef("sdk", "inventory"), [HostObject("hv02")]));
        var hosts = Api.Server.Space.OfClass("Test.Sdk.VirtualizationHost").ToDictionary(o => o.DisplayName, o => o.Id);
        var onHv02 = await CreateAlertAsync(hosts["hv02"], "hv02 memory", "Error");
        await Operator.UpdateAlertAsync(onHv02.Id, new AlertChange { ConnectorId = id });
        (await client.GetConnectorAlertsAsync(id)).Items.Should().NotBeEmpty();

        await Admin.DeleteConnectorAsync(id);

        // hv01 only the connector claimed: gone, its alerts closed; hv02 another source claims: kept, its alert released.
        Api.Server.Space.OfClass("Test.Sdk.VirtualizationHost").Select(o => o.DisplayName).Should().Equal("hv02");
        var released = await Operator.GetAlertAsync(onHv02.Id);
        (released.ConnectorId, released.ResolutionState).Should().Be(((Guid?)null, 0));
        var last = (await Operator.GetAlertHistoryAsync(onHv02.Id))[^1];
        (last.By, last.ByKind).Should().Be(("System", "system"));
        last.Comment.Should().Contain("Test.Vmm").And.Contain(id.ToString());
        (await Operator.GetAlertForwardingAsync(onHv02.Id)).Should().BeEmpty();
        (await FluentActions.Awaiting(() => client.GetConnectorAlertsAsync(id)).Should().ThrowAsync<MonitoringHostApiException>())
            .Which.Status.Should().Be(HttpStatusCode.Unauthorized, "its key is revoked");
        (await FluentActions.Awaiting(() => Admin.GetConnectorAsync(id)).Should().ThrowAsync<MonitoringHostApiException>())
            .Which.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ADisabledConnector_ReceivesNothing_ThenEverythingAfterItsCursor_WhenEnabledAgain()
    {
        var web = await ComputerAsync("web01.contoso.com");
        await using var receiver = new WebhookReceiver("another-secret-of-16+", WebhookReceiver.FreePort());
        await receiver.StartAsync();
        var (id, client) = await RegisterAsync("Test.Paused", new ConnectorSubscription());
        await client.SetConnectorWebhookAsync(id, new ConnectorWebhook(receiver.Url, "another-secret-of-16+"));
        (await Admin.SetConnectorEnabledAsync(id, false)).Enabled.Should().BeFalse();

        var alert = await CreateAlertAsync(web, "while disabled", "Error");
        await Task.Delay(1500);
        receiver.Attempts.Should().Be(0);

        await Admin.SetConnectorEnabledAsync(id, true);
        await receiver.WaitForItemsAsync(1, TimeSpan.FromSeconds(10));
        receiver.Items.Select(i => i.Id).Should().Equal(alert.Id);
    }
}
