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
}
