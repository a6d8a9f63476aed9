using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Storage.Tests;

/// <summary>
/// What the connector store must do, run once per provider by <see cref="Sqlite.SqliteConnectorStoreTests"/> and
/// <see cref="Postgres.PostgresConnectorStoreTests"/>, each on a fresh database per test.
/// </summary>
public abstract class ConnectorStoreTests(StoreProvider provider)
{
    private static readonly Guid Ticketing = Guid.Parse("6f0c8a3e-3b1e-4a55-9a0e-2d1c4b7f8e01");
    private static readonly Guid Inventory = Guid.Parse("0b9d2a61-77c4-4f0e-8d3c-5e6f7a8b9c02");

    [SkippableFact]
    public async Task Register_New_IsEnabled_AndReadsBackEveryField_AfterARestart()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var (connector, created) = await ConnectorStore.For(test.Store).RegisterAsync(
            new(Ticketing, "Contoso.Ticketing", "Contoso Ticketing «東京»", "Opens tickets", true, "admin"), default);

        created.Should().BeTrue();
        var reopened = await test.ReopenAsync();
        var read = await ConnectorStore.For(reopened).GetAsync(Ticketing, default);
        read.Should().Be(connector);
        (read!.Id, read.Name, read.DisplayName, read.Description, read.OwnsDiscoveryData, read.Enabled, read.CreatedBy)
            .Should().Be((Ticketing, "Contoso.Ticketing", "Contoso Ticketing «東京»", "Opens tickets", true, true, "admin"));
        read.Modified.Should().Be(read.Created);
        read.Created.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [SkippableFact]
    public async Task Register_SameId_DescribesItAnew_KeepingCreatedAndEnabled()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = ConnectorStore.For(test.Store);
        var (first, _) = await store.RegisterAsync(new(Ticketing, "Contoso.Ticketing", "Ticketing", null, false, "admin"), default);
        await store.SetEnabledAsync(Ticketing, false, default);

        var (again, created) = await store.RegisterAsync(new(Ticketing, "Contoso.Tickets", "Tickets", "renamed", true, "other"), default);

        created.Should().BeFalse();
        (again.Name, again.DisplayName, again.Description, again.OwnsDiscoveryData, again.Enabled, again.Created, again.CreatedBy)
            .Should().Be(("Contoso.Tickets", "Tickets", "renamed", true, false, first.Created, "admin"));
        (await store.ListAsync(default)).Should().ContainSingle();
    }

    [SkippableFact]
    public async Task Register_NameOfAnotherConnector_IsNameTaken_AndChangesNothing()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = ConnectorStore.For(test.Store);
        await store.RegisterAsync(new(Ticketing, "Contoso.Ticketing", "Ticketing", null, false, "admin"), default);
        await store.RegisterAsync(new(Inventory, "Contoso.Inventory", "Inventory", null, false, "admin"), default);

        var rename = () => store.RegisterAsync(new(Inventory, "Contoso.Ticketing", "Inventory", null, false, "admin"), default);
        var add = () => store.RegisterAsync(new(Guid.NewGuid(), "Contoso.Ticketing", "Other", null, false, "admin"), default);

        (await rename.Should().ThrowAsync<ConnectorNameTakenException>()).Which.Name.Should().Be("Contoso.Ticketing");
        await add.Should().ThrowAsync<ConnectorNameTakenException>();
        (await store.ListAsync(default)).Select(c => (c.Id, c.Name)).Should().Equal((Inventory, "Contoso.Inventory"), (Ticketing, "Contoso.Ticketing"));
    }

    [SkippableFact]
    public async Task SetEnabled_And_Delete_AnswerForAMissingId()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = ConnectorStore.For(test.Store);
        await store.RegisterAsync(new(Ticketing, "Contoso.Ticketing", "Ticketing", null, false, "admin"), default);

        (await store.SetEnabledAsync(Ticketing, false, default))!.Enabled.Should().BeFalse();
        (await store.GetAsync(Ticketing, default))!.Enabled.Should().BeFalse();
        (await store.SetEnabledAsync(Ticketing, true, default))!.Enabled.Should().BeTrue();
        (await store.SetEnabledAsync(Inventory, true, default)).Should().BeNull();
        (await store.DeleteAsync(Inventory, default)).Should().BeFalse();
        (await store.DeleteAsync(Ticketing, default)).Should().BeTrue();
        (await store.GetAsync(Ticketing, default)).Should().BeNull();
        (await store.ListAsync(default)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task Delivery_SubscriptionWebhookAndAcknowledgements_ReadBackAfterARestart()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = ConnectorStore.For(test.Store);
        await store.RegisterAsync(new(Ticketing, "Contoso.Ticketing", "Ticketing", null, false, "admin"), default);
        var alerts = Enumerable.Range(1, 1_200).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();

        (await store.SetSubscriptionAsync(Ticketing, """{"severities":["Error"]}""", true, default))!.Delivery
            .Should().Match<ConnectorDelivery>(d => d.Subscription == """{"severities":["Error"]}""" && d.ReceiveOwnChanges && d.AckedSequence == 0);
        byte[] sealedSecret = [1, 2, 3, 255];
        (await store.SetWebhookAsync(Ticketing, "https://itsm.contoso.com/hook", sealedSecret, default))!.Delivery.WebhookUrl.Should().Be("https://itsm.contoso.com/hook");
        await store.RecordWebhookFailureAsync(Ticketing, "the receiver answered 503", default);
        await store.RecordWebhookFailureAsync(Ticketing, "the receiver answered 503", default);

        // 1,200 alerts acknowledged (more than one statement's rows), then the first 100 again with newer changes.
        (await store.AcknowledgeAsync(Ticketing, 1_209, [.. alerts.Select((a, i) => (a, 10L + i, 10L + i))], byWebhook: false, default)).Should().BeTrue();
        (await store.AcknowledgeAsync(Ticketing, 5_000, [.. alerts.Take(100).Select((a, i) => (a, 3_000L + i, 4_000L + i))], byWebhook: false, default)).Should().BeTrue();
        (await store.AcknowledgeAsync(Ticketing, 300, [(alerts[0], 1L, 2L)], byWebhook: false, default)).Should().BeTrue("an older cursor is taken and moves nothing back");
        (await store.AcknowledgeAsync(Guid.NewGuid(), 1, [(alerts[0], 1L, 1L)], byWebhook: false, default)).Should().BeFalse();
        (await store.ForwardedAsync(Ticketing, [alerts[0], alerts[1_199], Guid.NewGuid()], default)).Should().BeEquivalentTo([alerts[0], alerts[1_199]]);

        var reopened = ConnectorStore.For(await test.ReopenAsync());
        var read = (await reopened.GetAsync(Ticketing, default))!.Delivery;
        (read.AckedSequence, read.WebhookFailures, read.WebhookLastError).Should().Be((5_000L, 2, "the receiver answered 503"));
        read.WebhookSecret!.Value.ToArray().Should().Equal(sealedSecret);
        read.WebhookLastAttempt.Should().NotBeNull();
        read.WebhookLastDelivery.Should().BeNull();
        (await reopened.ForwardingAsync(alerts[0], default)).Should().Equal(new AlertForwarding(Ticketing, alerts[0], 10, 4_000));
        (await reopened.ForwardingAsync(alerts[600], default)).Should().Equal(new AlertForwarding(Ticketing, alerts[600], 610, 610));

        (await reopened.AcknowledgeAsync(Ticketing, 5_001, [], byWebhook: true, default)).Should().BeTrue();
        (await reopened.GetAsync(Ticketing, default))!.Delivery.Should().Match<ConnectorDelivery>(d => d.WebhookFailures == 0 && d.WebhookLastError == null && d.WebhookLastDelivery != null);
        (await reopened.DeleteAsync(Ticketing, default)).Should().BeTrue();
        (await reopened.ForwardingAsync(alerts[0], default)).Should().BeEmpty();
    }
}
