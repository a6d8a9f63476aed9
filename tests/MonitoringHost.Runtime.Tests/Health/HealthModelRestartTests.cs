using MonitoringHost.Discovery.Data;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Operations;
using static MonitoringHost.Runtime.Tests.Health.HealthHarness;

namespace MonitoringHost.Runtime.Tests.Health;

public sealed class HealthModelRestartTests
{

    [Fact]
    public async Task Loading_the_committed_states_restores_every_monitor_without_state_changes()
    {
        await using var h = await StartAsync();
        var farm = Named(Farm, "web");
        var apps = Enumerable.Range(0, 5).Select(i => AppData($"web{i}", "shop")).ToList();
        await h.DiscoverAsync([farm, ComponentData("web0", "shop", "cart"), .. apps], [.. apps.Select(a => new RelationshipData("Test.Health.FarmContainsApp", farm, a))]);

        // What the engine would have committed, batch after batch: later records of a monitor supersede earlier ones.
        var committed = new List<OperationsBatch>();
        h.Apply(Id(apps[0]), Running, "Failed");
        h.Apply(Id(apps[1]), Running, "Degraded");
        h.Apply(Id(apps[2]), Running, "Healthy");
        h.Apply(Id(apps[3]), "Test.Health.App.Latency", "Degraded");
        h.Apply(Id(ComponentData("web0", "shop", "cart")), "Test.Health.Component.Check", "Failed");
        committed.Add(h.TakeBatch());
        h.Time.Advance(TimeSpan.FromMinutes(3));
        h.Apply(Id(apps[1]), Running, "Healthy");
        h.Model.ResetMonitor(Id(apps[0]), Running, h.Time.GetUtcNow(), h.Batch);
        committed.Add(h.TakeBatch());
        var stored = committed.SelectMany(b => b.States).GroupBy(s => (s.ObjectId, s.MonitorId)).Select(g => g.Last()).ToList();
        var everyObject = h.Space.OfClass("System.Entity").Select(o => o.Id).ToList();
        var before = everyObject.ToDictionary(id => id, id => h.Model.Explorer(id));
        stored.Should().BeEquivalentTo(h.Model.States(), "the batches carry every state the model holds");

        var restart = h.Restart(stored);

        restart.StateChanges.Should().BeEmpty();
        restart.States.Should().BeEmpty("the stored rollups were consistent");
        restart.RemovedObjects.Should().BeEmpty();
        foreach (var id in everyObject)
        {
            h.Model.Explorer(id).Should().BeEquivalentTo(before[id], options => options.WithStrictOrdering());
        }

        h.Model.MonitorTypeState(Id(apps[3]), "Test.Health.App.Latency").Should().Be("Degraded");
        h.Model.State(Id(farm), "Test.Health.Farm.Apps").Should().Be(HealthState.Success);

        // Rollups go on from the loaded states: the member counts were rebuilt.
        h.Apply(Id(apps[2]), Running, "Failed");
        h.Apply(Id(apps[3]), Running, "Failed");
        h.Apply(Id(apps[4]), Running, "Failed");
        h.Model.State(Id(farm), "Test.Health.Farm.Apps").Should().Be(HealthState.Error, "2 of 5 Success is below 60%");
    }

    [Fact]
    public async Task Loading_fixes_stored_rollups_that_disagree_and_drops_the_states_of_objects_that_are_gone()
    {
        await using var h = await StartAsync([Shop]);
        var shop = Id(Shop);
        var gone = Guid.NewGuid();

        var restart = h.Restart(
        [
            new MonitorStateRecord(shop, Running, HealthState.Error, "Failed", Start),
            new MonitorStateRecord(shop, Availability, HealthState.Success, null, Start),
            new MonitorStateRecord(gone, Running, HealthState.Error, "Failed", Start),
        ]);

        restart.StateChanges.Should().BeEmpty();
        restart.RemovedObjects.Should().Equal(gone);
        restart.States.Select(s => (s.MonitorId, s.State)).Should().Equal((Availability, HealthState.Error), (EntityState, HealthState.Error));
        h.Model.EntityState(shop).Should().Be(HealthState.Error);
    }
}
