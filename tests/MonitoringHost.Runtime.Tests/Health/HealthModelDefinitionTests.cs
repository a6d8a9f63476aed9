using MonitoringHost.Runtime.Health;
using static MonitoringHost.Runtime.Tests.Health.HealthHarness;

namespace MonitoringHost.Runtime.Tests.Health;

public sealed class HealthModelDefinitionTests
{
    [Fact]
    public void A_class_gets_the_monitors_of_its_class_and_bases_rooted_at_entity_state_children_before_parents()
    {
        var monitors = Definition.MonitorsOf(Classes.Class(App)!).Select(m => m.Id).ToList();

        monitors[0].Should().Be(EntityState);
        monitors.Should().BeEquivalentTo(
            [
                EntityState, Availability, Performance, Configuration, "System.Health.SecurityState",
                "Test.Health.App.Running", "Test.Health.App.Latency", "Test.Health.App.Backends", "Test.Health.App.PrimaryBackend",
                "Test.Health.App.SecondaryBackend", "Test.Health.App.Retired", "Test.Health.App.Licence", "Test.Health.App.Components",
            ]);

        // A service has the five standard aggregates and its own two dependency monitors, nothing of the application's.
        Definition.MonitorsOf(Classes.Class(Service)!).Select(m => m.Id).Should().BeEquivalentTo(
            [EntityState, Availability, Performance, Configuration, "System.Health.SecurityState", "Test.Health.Service.Apps", "Test.Health.Service.AppsStrict"]);
    }

    [Fact]
    public void Monitors_are_found_by_pack_qualified_name_element_id_or_guid_and_carry_their_rules()
    {
        var farm = Definition.Monitor("Test.Health!Test.Health.Farm.Apps")!;

        Definition.Monitor("Test.Health.Farm.Apps").Should().BeSameAs(farm);
        Definition.Monitor(farm.Guid.ToString("D")).Should().BeSameAs(farm);
        farm.Kind.Should().Be(MonitorKind.Dependency);
        farm.Algorithm.Should().Be(RollupAlgorithm.Percentage);
        farm.Percentage.Should().Be(60);
        farm.Relationship!.Name.Should().Be("Test.Health.FarmContainsApp");
        Definition.Monitors[farm.MemberMonitor].Id.Should().Be(Availability);
        farm.Parent!.Id.Should().Be(Availability);

        var strict = Definition.Monitor("Test.Health.Service.AppsStrict")!;
        strict.MemberInMaintenance.Should().Be(ManagementPacks.Model.HealthState.Error);
        strict.MemberUnAvailable.Should().Be(ManagementPacks.Model.HealthState.Warning);
        Definition.Monitor("Test.Health.Service.Apps")!.MemberInMaintenance.Should().Be(ManagementPacks.Model.HealthState.Uninitialized);

        var running = Definition.Monitor("Test.Health.App.Running")!;
        running.Name.Should().Be("Application running");
        running.HealthyState.Should().Be("Healthy");
        running.OperationalStates["Failed"].Should().Be(ManagementPacks.Model.HealthState.Error);
        Definition.Monitor("Test.Health.App.Backends")!.Algorithm.Should().Be(RollupAlgorithm.BestOf);
        Definition.Monitor("Test.Health.App.Retired")!.EnabledInPack.Should().BeFalse();
        Definition.Problems.Should().BeEmpty();
    }
}
