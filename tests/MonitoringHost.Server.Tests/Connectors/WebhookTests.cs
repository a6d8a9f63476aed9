using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Server.Tests.Connectors;

/// <summary>Pushing to a webhook: signed, retried with backoff, in order, from the durable cursor.</summary>
public sealed class WebhookTests : ConnectorFixture
{
    private const string Secret = "s3cret-for-the-receiver-only";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Each alert's changes in the order a receiver got them: (alert name, resolution state) per change.</summary>
    private static void AssertEveryChangeOnceInOrder(IReadOnlyList<ConnectorAlert> items, int alerts)
    {
        items.Select(i => i.ChangeSeq).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems("each change comes once, in feed order");
        items.GroupBy(i => i.Id).Should().HaveCount(alerts);
        foreach (var changes in items.GroupBy(i => i.Id))
        {
            changes.Select(c => (c.Change, c.ResolutionState)).Should().Equal(("alert.created", 0), ("alert.updated", 249), ("alert.updated", 255));
        }
    }

    private async Task ChangeAlertsAsync(Guid objectId, int count, string prefix)
    {
        for (var i = 0; i < count; i++)
        {
            var alert = await CreateAlertAsync(objectId, $"{prefix} {i:00}");
            await Operator.UpdateAlertAsync(alert.Id, new AlertChange(ResolutionState: 249));
            await Operator.UpdateAlertAsync(alert.Id, new AlertChange(ResolutionState: 255));
        }
    }

    [Fact]
    public async Task AReceiverFailingTheFirstAttempts_StillGetsEveryBatch_ExactlyInOrder()
    {
        var web = await ComputerAsync("web01.contoso.com");
        await using var receiver = new WebhookReceiver(Secret, WebhookReceiver.FreePort()) { FailFirst = 4 };
        await receiver.StartAsync();
        var (id, client) = await RegisterAsync("Test.Pushed", new ConnectorSubscription());
        var set = await client.SetConnectorWebhookAsync(id, new ConnectorWebhook(receiver.Url, Secret));
        set.Delivery!.Webhook!.Url.Should().Be(receiver.Url);

        await ChangeAlertsAsync(web, 20, "alert");

        await receiver.WaitForItemsAsync(60, Patience);
        receiver.Attempts.Should().BeGreaterThan(4);
        receiver.BadSignatures.Should().Be(0);
        AssertEveryChangeOnceInOrder(receiver.Items, 20);
        receiver.Accepted.Should().OnlyContain(b => b.ConnectorId == id);

        // Delivered batches are acknowledged: nothing waits, and the failures are on record until the next delivery.
        var connector = await Admin.GetConnectorAsync(id);
        connector.Delivery!.PendingAlerts.Should().Be(0);
        connector.Delivery.Webhook!.ConsecutiveFailures.Should().Be(0);
        connector.Delivery.Webhook.LastDelivery.Should().NotBeNull();
        (await client.GetConnectorAlertsAsync(id)).Items.Should().BeEmpty();
        var metrics = await new HttpClient().GetStringAsync(new Uri(new Uri(Api.Url), "/metrics"));
        metrics.Should().Contain($"mh_connector_webhook_failures_total{{connector=\"Test.Pushed\"}} 4");
        metrics.Should().Contain($"mh_connector_pending_alerts{{connector=\"Test.Pushed\"}} 0");
    }

    [Fact]
    public async Task AReceiverDownForAWhile_GetsTheBacklog_EvenAcrossAHostRestart()
    {
        var web = await ComputerAsync("web01.contoso.com");
        var receiver = new WebhookReceiver(Secret, WebhookReceiver.FreePort());
        var (id, client) = await RegisterAsync("Test.Pushed", new ConnectorSubscription());
        await client.SetConnectorWebhookAsync(id, new ConnectorWebhook(receiver.Url, Secret));

        await ChangeAlertsAsync(web, 10, "before restart");
        var down = await WaitAsync(async () => (await Admin.GetConnectorAsync(id)).Delivery!, d => d.Webhook!.ConsecutiveFailures >= 2 && d.PendingAlerts == 10);
        down.Webhook!.LastError.Should().Contain("could not be reached");
        down.Webhook.LastDelivery.Should().BeNull();

        await Api.StopAsync();
        await Api.StartAgainAsync();
        var admin = Track(Api.ClientFor(await Api.KeyAsync("admin-again", Storage.ApiRole.Administrator)));
        var operatorAgain = Track(Api.ClientFor(await Api.KeyAsync("ops-again", Storage.ApiRole.Operator)));
        var more = await operatorAgain.CreateAlertAsync(new NewAlert("after restart", "Error", web));

        await using (receiver)
        {
            await receiver.StartAsync();
            await receiver.WaitForItemsAsync(31, Patience);
            receiver.Items.Select(i => i.ChangeSeq).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            receiver.Items.Count(i => i.Change == "alert.created").Should().Be(11);
            receiver.Items[^1].Id.Should().Be(more.Id);
            AssertEveryChangeOnceInOrder([.. receiver.Items.Where(i => i.Id != more.Id)], 10);
        }

        var after = await WaitAsync(async () => (await admin.GetConnectorAsync(id)).Delivery!, d => d.PendingAlerts == 0);
        after.Webhook!.LastError.Should().BeNull();
    }

    [Fact]
    public async Task TheSecret_IsSealedInTheStore_AndNeverReturned()
    {
        var (id, client) = await RegisterAsync("Test.Pushed");
        var set = await client.SetConnectorWebhookAsync(id, new ConnectorWebhook("http://127.0.0.1:9/hook", Secret));

        System.Text.Json.JsonSerializer.Serialize(set).Should().NotContain(Secret);
        var stored = await Storage.ConnectorStore.For(Api.Server.Store).GetAsync(id, default);
        var sealedSecret = stored!.Delivery.WebhookSecret!.Value.ToArray();
        System.Text.Encoding.UTF8.GetString(sealedSecret).Should().NotContain(Secret);
        Runtime.Credentials.SecretSeal.Open(Api.Server.SecretKey, ConnectorDeliveryEndpoints.WebhookSecretPurpose, id, sealedSecret).Should().Be(Secret);
        await Api.StopAsync();
        var files = Directory.GetFiles(Api.Folder, "monitoringhost.db*");
        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            File.ReadAllBytes(file).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Secret)).Should().Be(-1, file);
        }

        await Api.StartAgainAsync();
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> until)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (until(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"still {value} after {Patience.TotalSeconds} s");
            }

            await Task.Delay(50);
        }
    }
}
