using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Storage;
using MonitoringHost.Storage.Tests.Fixtures;
using static MonitoringHost.Runtime.Tests.Modules.Discovery.MapperConfigurations;
using static MonitoringHost.Runtime.Tests.Modules.ModuleTestModel;

namespace MonitoringHost.Runtime.Tests.Modules.Discovery;

/// <summary>
/// What the mappers emit, applied to a real instance space over a SQLite store: the chain computer → application →
/// component is discovered as a pack's discoveries would build it, each workflow instance targeting what the one
/// before it found.
/// </summary>
public sealed class MapperInstanceSpaceTests : IAsyncLifetime
{
    private TestStore? _store;
    private InstanceSpace? _space;

    private InstanceSpace Space => _space!;

    public async Task InitializeAsync()
    {
        _store = await TestStores.CreateAsync(StoreProvider.Sqlite);
        _space = await InstanceSpace.OpenAsync(Classes, _store.Store, TimeProvider.System, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _space?.Dispose();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    private static DiscoveryDataItem Run(string configuration, string typeId, string workflowId, MonitoringObject target, params DataItem[] items)
    {
        var module = (ConditionModule)ModuleCatalog.Default.Find(typeId)!.Create(Setup(configuration, workflowId, target));
        var emitted = items.Select(module.Evaluate).Cast<DiscoveryDataItem>().ToList();
        return emitted.Count == 1 ? emitted[0] : DiscoveryDataItem.Combine(Now, emitted);
    }

    private static PropertyBagData Bag(params (string Name, string Value)[] values) =>
        new(Now, values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    private async Task<MonitoringObject> ComputerAsync()
    {
        var computer = new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = "web01.contoso.com" });
        var result = await Space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("inventory"), [computer]), CancellationToken.None);
        result.Created.Should().ContainSingle();
        return Space.OfClass("Microsoft.Windows.Computer").Single(c => c["PrincipalName"] == "web01.contoso.com");
    }

    [Fact]
    public async Task ClassMapperOutput_Applied_CreatesTheObjectsWithTheirPropertiesAndHosts()
    {
        var computer = await ComputerAsync();

        var apps = Run(AppMapper(), "System.Discovery.ClassSnapshotDataMapper", "Test.Instances!Test.App.Discovery", computer,
            Bag(("Instance", "Shop"), ("Version", "1.2"), ("Port", "8080")),
            Bag(("Instance", "Billing"), ("Version", "3.0")));
        var applied = await Space.ApplyAsync(apps.Data, CancellationToken.None);

        applied.Created.Should().HaveCount(2);
        Space.OfClass("Test.App").Select(a => (a.DisplayName, a.HostId, a["InstanceName"], a["Version"], a["Port"]))
            .Should().BeEquivalentTo(new[]
            {
                ("Shop on web01", (Guid?)computer.Id, "Shop", "1.2", "8080"),
                ("Billing on web01", computer.Id, "Billing", "3.0", (string?)null),
            });
        Space.ClaimsOn(Space.OfClass("Test.App")[0].Id).Should().Equal($"discovery:Test.App.Discovery:{computer.Id:D}");

        var shop = Space.OfClass("Test.App").Single(a => a["InstanceName"] == "Shop");
        var component = ClassMapper(
            "Test.Component",
            Setting("Microsoft.Windows.Computer", "PrincipalName", "web01.contoso.com"),
            Setting("Test.App", "InstanceName", "Shop"),
            Setting("Test.Component", "ComponentName", "$Data/Property[@Name='Name']$"),
            Setting("Test.Component", "Size", "$Data/Property[@Name='Size']$"));
        var components = Run(component, "System.Discovery.ClassSnapshotDataMapper", "Test.Runtime.Modules!Test.Runtime.Component.Discovery", shop,
            Bag(("Name", "Cart"), ("Size", "2.50")));
        (await Space.ApplyAsync(components.Data, CancellationToken.None)).Created.Should().ContainSingle();

        var cart = Space.OfClass("Test.Component").Should().ContainSingle().Subject;
        (cart.HostId, cart["ComponentName"], cart["Size"]).Should().Be((shop.Id, "Cart", "2.5"));
        Space.HostedBy(computer.Id, recursive: true).Select(o => o.Id).Should().BeEquivalentTo(Space.OfClass("Test.App").Select(a => a.Id).Append(cart.Id));
    }

    [Fact]
    public async Task NextSnapshot_WithoutAnApp_ReleasesIt()
    {
        var computer = await ComputerAsync();
        var first = Run(AppMapper(), "System.Discovery.ClassSnapshotDataMapper", "Test.Instances!Test.App.Discovery", computer,
            Bag(("Instance", "Shop")), Bag(("Instance", "Billing")));
        await Space.ApplyAsync(first.Data, CancellationToken.None);

        var second = Run(AppMapper(), "System.Discovery.ClassSnapshotDataMapper", "Test.Instances!Test.App.Discovery", computer, Bag(("Instance", "Billing")));
        await Space.ApplyAsync(second.Data, CancellationToken.None);

        Space.OfClass("Test.App").Select(a => a["InstanceName"]).Should().Equal("Billing");
    }

    [Fact]
    public async Task RelationshipMapperOutput_AppliedWithTheApps_RelatesThem()
    {
        var computer = await ComputerAsync();
        var apps = Run(AppMapper(), "System.Discovery.ClassSnapshotDataMapper", "Test.Instances!Test.App.Discovery", computer,
            Bag(("Instance", "Shop")), Bag(("Instance", "Billing")));
        var references = Settings("SourceRoleSettings", Setting("Microsoft.Windows.Computer", "PrincipalName", "web01.contoso.com"), Setting("Test.App", "InstanceName", "Shop"))
            + Settings("TargetRoleSettings", Setting("Microsoft.Windows.Computer", "PrincipalName", "web01.contoso.com"), Setting("Test.App", "InstanceName", "$Data/Property[@Name='To']$"));
        var relationship = Run(
            $"<ConditionDetection><RelationshipId>{RelationshipGuid("Test.AppReferencesApp")}</RelationshipId>{references}</ConditionDetection>",
            "System.Discovery.RelationshipSnapshotDataMapper", "Test.Instances!Test.App.Discovery", computer, Bag(("To", "Billing")));

        // One workflow instance's snapshot is everything it found: the apps and the relationship together.
        var result = await Space.ApplyAsync(DiscoveryDataItem.Combine(Now, [apps, relationship]).Data, CancellationToken.None);

        (result.Created.Count, result.RelationshipsAdded.Count).Should().Be((2, 1));
        var shop = Space.OfClass("Test.App").Single(a => a["InstanceName"] == "Shop");
        Space.Targets(shop.Id, "Test.AppReferencesApp").Select(t => t["InstanceName"]).Should().Equal("Billing");
    }
}
