using MonitoringHost.Discovery.Data;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Health;
using static MonitoringHost.Runtime.Tests.Health.HealthHarness;

namespace MonitoringHost.Runtime.Tests.Health;

/// <summary>Dependency monitors over relationships and hosting, objects and relationships coming and going, incremental rollup.</summary>
public sealed class HealthModelObjectsTests
{
    [Fact]
    public async Task A_dependency_monitor_rolls_up_its_members_over_the_relationship_type_and_types_derived_from_it()
    {
        await using var h = await StartWithServiceAsync(paymentsRelationship: "Test.Health.ServiceContainsCriticalApp");
        var (serviceId, shop, payments) = (Id(CheckoutService), Id(Shop), Id(Payments));

        h.Apply(shop, Running, "Healthy");
        h.State(serviceId, ServiceApps).Should().Be(HealthState.Success, "payments is Uninitialized and left out");
        h.TakeBatch();
        h.Apply(payments, Running, "Failed");
        var batch = h.TakeBatch();
        h.State(serviceId, ServiceApps).Should().Be(HealthState.Error, "payments counts through the derived relationship type");
        batch.StateChanges.Select(c => (c.ObjectId, c.MonitorId, c.NewState)).Should().Equal(
            (payments, Running, HealthState.Error),
            (payments, Availability, HealthState.Error),
            (payments, EntityState, HealthState.Error),
            (serviceId, AppsStrict, HealthState.Error),
            (serviceId, Configuration, HealthState.Error),
            (serviceId, EntityState, HealthState.Error),
            (serviceId, ServiceApps, HealthState.Error),
            (serviceId, Availability, HealthState.Error));

        // The relationship goes: the service's rollup is recomputed without it.
        await h.UndiscoverAsync([], [new("Test.Health.ServiceContainsCriticalApp", CheckoutService, Payments)]);
        h.State(serviceId, ServiceApps).Should().Be(HealthState.Success);
        h.Model.EntityState(serviceId).Should().Be(HealthState.Success);
    }

    [Fact]
    public async Task A_dependency_monitor_over_a_hosting_relationship_rolls_up_the_hosted_objects()
    {
        await using var h = await StartAsync();
        await h.DiscoverAsync([ComponentData("web01", "shop", "cart"), ComponentData("web01", "shop", "search")]);
        var (shop, cart, search) = (Id(AppData("web01", "shop")), Id(ComponentData("web01", "shop", "cart")), Id(ComponentData("web01", "shop", "search")));

        h.Apply(cart, "Test.Health.Component.Check", "Healthy");
        h.Apply(search, "Test.Health.Component.Check", "Degraded");

        h.State(shop, "Test.Health.App.Components").Should().Be(HealthState.Warning);
        h.State(shop, Availability).Should().Be(HealthState.Warning);
    }

    [Fact]
    public async Task Percentage_60_over_10_members_stays_healthy_while_6_are_healthy()
    {
        await using var h = await StartAsync();
        var farm = Named(Farm, "web");
        var apps = Enumerable.Range(0, 10).Select(i => AppData($"web{i:00}", "shop")).ToList();
        await h.DiscoverAsync([farm, .. apps], [.. apps.Select(a => new RelationshipData("Test.Health.FarmContainsApp", farm, a))]);
        var farmId = Id(farm);
        var ids = apps.Select(Id).ToList();

        foreach (var id in ids.Take(6))
        {
            h.Apply(id, Running, "Healthy");
        }

        foreach (var id in ids.Skip(6))
        {
            h.Apply(id, Running, "Failed");
        }

        h.State(farmId, FarmApps).Should().Be(HealthState.Success, "the 6 healthiest of 10 are Success");
        h.State(farmId, "Test.Health.Farm.AnyApp").Should().Be(HealthState.Success, "BestOf");

        h.Apply(ids[5], Running, "Degraded");
        h.State(farmId, FarmApps).Should().Be(HealthState.Warning, "the 6th healthiest is Warning");
        h.Apply(ids[5], Running, "Failed");
        h.State(farmId, FarmApps).Should().Be(HealthState.Error, "5 Success, 5 Error");
        h.Model.EntityState(farmId).Should().Be(HealthState.Error);

        foreach (var id in ids)
        {
            h.Apply(id, Running, "Failed");
        }

        h.State(farmId, "Test.Health.Farm.AnyApp").Should().Be(HealthState.Error, "BestOf of all Error");
    }

    [Fact]
    public async Task A_removed_object_drops_its_states_and_leaves_the_rollups_it_counted_in()
    {
        await using var h = await StartWithServiceAsync();
        var (serviceId, shop, payments) = (Id(CheckoutService), Id(Shop), Id(Payments));
        h.Apply(shop, Running, "Healthy");
        h.Apply(payments, Running, "Failed");
        h.State(serviceId, ServiceApps).Should().Be(HealthState.Error);
        h.TakeBatch();

        await h.UndiscoverAsync([Payments]);

        var batch = h.TakeBatch();
        batch.RemovedObjects.Should().Equal(payments);
        batch.StateChanges.Select(c => (c.ObjectId, c.MonitorId, c.NewState)).Should().Equal(
            (serviceId, AppsStrict, HealthState.Success),
            (serviceId, Configuration, HealthState.Success),
            (serviceId, ServiceApps, HealthState.Success),
            (serviceId, Availability, HealthState.Success),
            (serviceId, EntityState, HealthState.Success));
        h.Model.Summary(payments).Should().BeNull();
        h.Model.State(payments, Running).Should().BeNull();
    }

    [Fact]
    public async Task A_change_at_the_bottom_of_a_deep_hierarchy_recomputes_only_the_nodes_on_its_path()
    {
        await using var h = await StartAsync();

        // Six levels of nodes, four children each: 1,365 objects, each with its own check and a dependency on its children.
        var objects = new List<ObjectData>();
        var relationships = new List<RelationshipData>();
        var level = new List<ObjectData> { Named(Node, "n") };
        objects.AddRange(level);
        for (var depth = 1; depth < 6; depth++)
        {
            var next = level.SelectMany(parent => Enumerable.Range(0, 4).Select(i => (Parent: parent, Child: Named(Node, $"{parent.Properties["Name"]}.{i}")))).ToList();
            relationships.AddRange(next.Select(p => new RelationshipData("Test.Health.NodeContainsNode", p.Parent, p.Child)));
            level = [.. next.Select(p => p.Child)];
            objects.AddRange(level);
        }

        await h.DiscoverAsync(objects, relationships);
        h.Model.ObjectCount.Should().BeGreaterThanOrEqualTo(1365);
        var root = Id(objects[0]);
        var leaf = Id(Named(Node, "n.0.0.0.0.0"));
        h.TakeBatch();

        var before = h.Model.Recomputations;
        h.Apply(leaf, NodeCheck, "Failed").Should().Be(MonitorApplyOutcome.Changed);

        // The leaf's Availability and EntityState, then per ancestor (five of them) its dependency monitor,
        // Availability and EntityState: 2 + 5 × 3 nodes, of the 1,365 × 7 in the model.
        (h.Model.Recomputations - before).Should().Be(17);
        h.State(root, NodeChildren).Should().Be(HealthState.Error);
        h.Model.EntityState(root).Should().Be(HealthState.Error);
        h.TakeBatch().StateChanges.Should().HaveCount(1 + 2 + (5 * 3));

        // A sibling failing too changes its own path up to the parent's dependency monitor, already Error: it stops there.
        before = h.Model.Recomputations;
        h.Apply(Id(Named(Node, "n.0.0.0.0.1")), NodeCheck, "Failed");
        (h.Model.Recomputations - before).Should().Be(3);
        h.TakeBatch().StateChanges.Should().HaveCount(3);
    }
}
