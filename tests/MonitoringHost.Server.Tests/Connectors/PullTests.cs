using System.Net;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Server.Tests.Connectors;

/// <summary>Pulling with cursors: at least once, in feed order, durable across a restart; and no echo of a connector's own changes.</summary>
public sealed class PullTests : ConnectorFixture
{
    [Fact]
    public async Task PullAndAck_AcrossARestart_LosesNothing_AndUnacknowledgedChangesComeBack()
    {
        var web = await ComputerAsync("web01.contoso.com");
        var (id, client) = await RegisterAsync("Test.Itsm", new ConnectorSubscription());
        var created = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            created.Add((await CreateAlertAsync(web, $"alert {i:00}")).Id);
        }

        var first = await client.GetConnectorAlertsAsync(id, limit: 10);
        var second = await client.GetConnectorAlertsAsync(id, first.Cursor, limit: 10);
        first.Items.Select(i => i.Id).Should().Equal(created.Take(10));
        second.Items.Select(i => i.Id).Should().Equal(created.Skip(10).Take(10));
        (first.More, second.More).Should().Be((true, true));
        first.Items.Select(i => i.ChangeSeq).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        second.Items[0].ChangeSeq.Should().BeGreaterThan(first.Items[^1].ChangeSeq);
        (await client.AcknowledgeConnectorAlertsAsync(id, first.Cursor)).Delivery!.AckedSequence.Should().Be(first.Items[^1].ChangeSeq);

        await Api.StopAsync();
        await Api.StartAgainAsync();
        client = Track(ClientOf(await Api.KeyAsync("itsm-again", Storage.ApiRole.Connector, id)));

        // The second batch was never acknowledged: it comes again, the same changes with the same sequences.
        var again = await client.GetConnectorAlertsAsync(id, limit: 10);
        again.Items.Select(i => (i.Id, i.ChangeSeq)).Should().Equal(second.Items.Select(i => (i.Id, i.ChangeSeq)));
        var forwarding = await client.GetConnectorAlertsAsync(id, again.Cursor, limit: 100);
        forwarding.Items.Select(i => i.Id).Should().Equal(created.Skip(20));
        forwarding.More.Should().BeFalse();
        var admin = Track(Api.ClientFor(await Api.KeyAsync("admin-again", Storage.ApiRole.Administrator)));
        (await admin.GetAlertForwardingAsync(created[0])).Should().ContainSingle().Which.Should().Be(new AlertForwarding(id, "delivered", 0, first.Items[0].ChangeSeq, first.Items[0].ChangeSeq, first.Items[0].ChangeSeq));
        // Handed out again since the restart and not acknowledged: pending (attempts count what this server handed out).
        (await admin.GetAlertForwardingAsync(created[10])).Single().Should().Be(new AlertForwarding(id, "pending", 1, second.Items[0].ChangeSeq, second.Items[0].ChangeSeq, 0));
        var handedTwice = await client.GetConnectorAlertsAsync(id, limit: 10);
        handedTwice.Items.Select(i => i.ChangeSeq).Should().Equal(again.Items.Select(i => i.ChangeSeq));
        (await admin.GetAlertForwardingAsync(created[10])).Single().Attempts.Should().Be(2);

        (await admin.GetConnectorAsync(id)).Delivery!.PendingAlerts.Should().Be(20);
        var acked = await client.AcknowledgeConnectorAlertsAsync(id, forwarding.Cursor);
        acked.Delivery!.PendingAlerts.Should().Be(0);
        (await admin.GetAlertForwardingAsync(created[10])).Single().Status.Should().Be("delivered");
        (await client.GetConnectorAlertsAsync(id)).Items.Should().BeEmpty();

        // Acknowledging an older cursor again moves nothing back.
        (await client.AcknowledgeConnectorAlertsAsync(id, first.Cursor)).Delivery!.AckedSequence.Should().Be(acked.Delivery.AckedSequence);
    }

    [Fact]
    public async Task AChange_IsDeliverableAsSoonAsItCommits_ToAWaitingPull()
    {
        var web = await ComputerAsync("web01.contoso.com");
        var (id, client) = await RegisterAsync("Test.Waiting", new ConnectorSubscription());
        var waiting = client.GetConnectorAlertsAsync(id, wait: TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        waiting.IsCompleted.Should().BeFalse("nothing changed yet");

        var alert = await CreateAlertAsync(web, "disk full", "Error");
        var page = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        page.Items.Should().ContainSingle().Which.Id.Should().Be(alert.Id);
    }

    [Fact]
    public async Task AConnectorsOwnChanges_AreNotEchoed_UnlessItAsks()
    {
        var web = await ComputerAsync("web01.contoso.com");
        var (id, client) = await RegisterAsync("Test.Itsm", new ConnectorSubscription());
        var alert = await CreateAlertAsync(web, "disk full", "Error");
        var first = await client.GetConnectorAlertsAsync(id);
        await client.AcknowledgeConnectorAlertsAsync(id, first.Cursor);

        await client.UpdateAlertAsync(alert.Id, new AlertChange(TicketId: "INC0001", Comment: "incident opened"));
        await Operator.UpdateAlertAsync(alert.Id, new AlertChange(Owner: "kim"));
        var own = await client.CreateAlertAsync(new NewAlert("made by the connector", "Warning", web));

        var page = await client.GetConnectorAlertsAsync(id);
        page.Items.Should().ContainSingle().Which.Should().Match<ConnectorAlert>(i =>
            i.Owner == "kim" && i.TicketId == "INC0001" && i.ChangedBy == "ops" && i.ChangedByKind == "user");

        // The history says who made each change; asked for, its own changes come too.
        var history = await Operator.GetAlertHistoryAsync(alert.Id);
        history.Select(h => (h.By, h.ByKind)).Should().Equal((id.ToString(), "connector"), ("ops", "user"));
        await client.SetConnectorSubscriptionAsync(id, new ConnectorSubscription(ReceiveOwnChanges: true));
        var all = await client.GetConnectorAlertsAsync(id);
        all.Items.Select(i => (i.Name, i.ChangedBy, i.ChangedByKind)).Should().Equal(
            ("disk full", id.ToString(), "connector"), ("disk full", "ops", "user"), (own.Name, id.ToString(), null));
    }

    [Fact]
    public async Task BadRequests_SayWhatIsWrong()
    {
        var (id, client) = await RegisterAsync("Test.Itsm", new ConnectorSubscription());
        var (other, _) = await RegisterAsync("Test.Other");

        (await Refused(() => client.GetConnectorAlertsAsync(id, "not-a-cursor"))).Should().Be((HttpStatusCode.BadRequest, "cursor"));
        (await Refused(() => client.GetConnectorAlertsAsync(id, limit: 0))).Status.Should().Be(HttpStatusCode.BadRequest);
        (await Refused(() => client.GetConnectorAlertsAsync(id, wait: TimeSpan.FromSeconds(61)))).Should().Be((HttpStatusCode.BadRequest, "wait"));
        var past = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("seq:999999"));
        (await Refused(() => client.AcknowledgeConnectorAlertsAsync(id, past))).Should().Be((HttpStatusCode.BadRequest, "cursor"));
        (await Refused(() => client.GetConnectorAlertsAsync(other))).Status.Should().Be(HttpStatusCode.Forbidden);
        (await Refused(() => client.SetConnectorSubscriptionAsync(other, new ConnectorSubscription()))).Status.Should().Be(HttpStatusCode.Forbidden);
        (await Refused(() => Operator.GetConnectorAlertsAsync(id))).Status.Should().Be(HttpStatusCode.Forbidden);
        (await Refused(() => client.SetConnectorWebhookAsync(id, new ConnectorWebhook("ftp://127.0.0.1/x", "short"))))
            .Status.Should().Be(HttpStatusCode.BadRequest);

        await Admin.SetConnectorEnabledAsync(id, false);
        (await Refused(() => client.GetConnectorAlertsAsync(id))).Status.Should().Be(HttpStatusCode.Conflict);
    }

    private static async Task<(HttpStatusCode Status, string? Path)> Refused<T>(Func<Task<T>> call)
    {
        var refused = await FluentActions.Awaiting(call).Should().ThrowAsync<MonitoringHostApiException>();
        return (refused.Which.Status, refused.Which.Problem.Errors is [var first, ..] ? first.Path : null);
    }
}
