using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Health;
using static MonitoringHost.Runtime.Tests.Health.HealthHarness;

namespace MonitoringHost.Runtime.Tests.Health;

/// <summary>Unit monitors through their operational states, aggregates, resets, disabled monitors, the explorer tree.</summary>
public sealed class HealthModelTests
{
    [Fact]
    public async Task A_unit_monitor_takes_the_health_of_its_operational_states_and_records_a_change_only_when_the_health_changes()
    {
        await using var h = await StartAsync([Shop]);
        var app = Id(Shop);
        h.Batch.StateChanges.Should().BeEmpty("new objects start Uninitialized");
        h.State(app, Running).Should().Be(HealthState.Uninitialized);

        h.Apply(app, Running, "Healthy", "<DataItem n='1'/>").Should().Be(MonitorApplyOutcome.Changed);
        var first = h.TakeBatch();
        first.StateChanges.Select(c => (c.MonitorId, c.OldState, c.NewState, c.Context)).Should().Equal(
            (Running, HealthState.Uninitialized, HealthState.Success, "<DataItem n='1'/>"),
            (Availability, HealthState.Uninitialized, HealthState.Success, null),
            (EntityState, HealthState.Uninitialized, HealthState.Success, null));
        first.StateChanges.Should().OnlyContain(c => c.ObjectId == app && c.Time == Start);
        first.States.Select(s => (s.MonitorId, s.State, s.MonitorTypeState)).Should().Equal(
            (Running, HealthState.Success, "Healthy"), (Availability, HealthState.Success, null), (EntityState, HealthState.Success, null));

        h.Time.Advance(TimeSpan.FromMinutes(1));
        h.Apply(app, Running, "Degraded").Should().Be(MonitorApplyOutcome.Changed);
        h.TakeBatch().StateChanges.Select(c => (c.MonitorId, c.NewState)).Should().Equal(
            (Running, HealthState.Warning), (Availability, HealthState.Warning), (EntityState, HealthState.Warning));

        h.Apply(app, Running, "Failed").Should().Be(MonitorApplyOutcome.Changed);
        h.TakeBatch().StateChanges.Select(c => (c.MonitorId, c.OldState, c.NewState)).Should().Equal(
            (Running, HealthState.Warning, HealthState.Error), (Availability, HealthState.Warning, HealthState.Error), (EntityState, HealthState.Warning, HealthState.Error));

        h.Apply(app, Running, "Failed").Should().Be(MonitorApplyOutcome.Unchanged);
        h.TakeBatch().IsEmpty.Should().BeTrue();
        h.Model.Summary(app).Should().Be(new ObjectHealthSummary(app, HealthState.Error, InMaintenance: false, IsAvailable: true));
    }

    [Fact]
    public async Task A_new_monitor_type_state_with_the_same_health_is_kept_without_a_state_change()
    {
        await using var h = await StartAsync([Shop]);
        var app = Id(Shop);
        h.Apply(app, Latency, "Healthy");
        h.TakeBatch();

        // Latency maps both Healthy and Degraded to Success.
        h.Apply(app, Latency, "Degraded").Should().Be(MonitorApplyOutcome.Unchanged);
        var batch = h.TakeBatch();
        batch.StateChanges.Should().BeEmpty();
        batch.States.Should().ContainSingle().Which.Should().Be(new MonitorStateRecord(app, Latency, HealthState.Success, "Degraded", Start));
        h.Model.MonitorTypeState(app, Latency).Should().Be("Degraded");

        h.Apply(app, Latency, "Failed").Should().Be(MonitorApplyOutcome.Changed);
        h.State(app, Performance).Should().Be(HealthState.Warning, "Latency maps Failed to Warning");
        h.Model.EntityState(app).Should().Be(HealthState.Warning);
    }

    [Fact]
    public async Task WorstOf_and_BestOf_aggregates_leave_Uninitialized_children_out_unless_all_are()
    {
        await using var h = await StartAsync([Shop]);
        var app = Id(Shop);

        // Backends (BestOf) over Primary and Secondary; Availability (WorstOf) over Running, Backends, Components.
        h.Apply(app, Primary, "Failed");
        h.State(app, Backends).Should().Be(HealthState.Error, "Secondary is Uninitialized and left out");
        h.State(app, Availability).Should().Be(HealthState.Error);
        h.State(app, Performance).Should().Be(HealthState.Uninitialized, "all its children are Uninitialized");

        h.Apply(app, Secondary, "Degraded");
        h.State(app, Backends).Should().Be(HealthState.Warning, "the best of Error and Warning");
        h.Apply(app, Secondary, "Healthy");
        h.State(app, Backends).Should().Be(HealthState.Success);
        h.State(app, Availability).Should().Be(HealthState.Success, "Running and Components are Uninitialized");

        h.Apply(app, Running, "Degraded");
        h.State(app, Availability).Should().Be(HealthState.Warning, "the worst of Warning and Success");
        h.Model.EntityState(app).Should().Be(HealthState.Warning);
    }

    [Fact]
    public async Task Reset_puts_a_unit_monitor_back_to_Success_and_an_aggregate_resets_every_unit_beneath_it()
    {
        await using var h = await StartAsync([Shop]);
        var app = Id(Shop);
        h.Apply(app, Running, "Failed");
        h.Apply(app, Primary, "Failed");
        h.Apply(app, Secondary, "Degraded");
        h.TakeBatch();

        h.Model.ResetMonitor(app, Running, Start, h.Batch).Should().Be(MonitorApplyOutcome.Changed);
        h.TakeBatch().StateChanges.Select(c => (c.MonitorId, c.NewState)).Should().Equal(
            (Running, HealthState.Success), (Availability, HealthState.Warning), (EntityState, HealthState.Warning));
        h.Model.MonitorTypeState(app, Running).Should().Be("Healthy");
        h.State(app, Backends).Should().Be(HealthState.Warning, "the best of Primary's Error and Secondary's Warning");

        h.Model.ResetMonitor(app, Backends, Start, h.Batch).Should().Be(MonitorApplyOutcome.Changed);
        h.TakeBatch().StateChanges.Select(c => (c.MonitorId, c.NewState)).Should().Equal(
            (Primary, HealthState.Success), (Secondary, HealthState.Success), (Backends, HealthState.Success), (Availability, HealthState.Success), (EntityState, HealthState.Success));
        h.Model.ResetMonitor(app, Availability, Start, h.Batch).Should().Be(MonitorApplyOutcome.Unchanged);
        h.Model.ResetMonitor(Guid.NewGuid(), Running, Start, h.Batch).Should().Be(MonitorApplyOutcome.UnknownObject);
    }

    [Fact]
    public async Task Disabled_monitors_take_no_part_whether_disabled_in_the_pack_or_by_an_override()
    {
        await using var h = await StartAsync([Shop, AppData("web01", "vault", SpecialApp)]);
        var app = Id(Shop);
        var special = Id(AppData("web01", "vault", SpecialApp));

        h.Apply(app, "Test.Health.App.Retired", "Failed").Should().Be(MonitorApplyOutcome.Disabled);
        h.Apply(app, "Test.Health.App.Licence", "Failed").Should().Be(MonitorApplyOutcome.Changed);
        h.State(app, Configuration).Should().Be(HealthState.Error);

        // The override disables Licence for the derived class only.
        h.Apply(special, "Test.Health.App.Licence", "Failed").Should().Be(MonitorApplyOutcome.Disabled);
        h.State(special, Configuration).Should().Be(HealthState.Uninitialized);
        h.Model.Explorer(special)!.Children.Single(c => c.MonitorId == Configuration).Children.Should().BeEmpty();
        h.Model.Explorer(app)!.Children.Single(c => c.MonitorId == Configuration).Children.Select(c => c.MonitorId).Should().Equal("Test.Health.App.Licence");

        h.Apply(app, "Test.Health.Service.Apps", "Failed").Should().Be(MonitorApplyOutcome.UnknownMonitor, "a service's monitor does not apply to an application");
        FluentActions.Invoking(() => h.Apply(app, Availability, "Failed")).Should().Throw<ArgumentException>().WithMessage("*is an aggregate monitor*");
        FluentActions.Invoking(() => h.Apply(app, Running, "Sleeping")).Should().Throw<ArgumentException>().WithMessage("*no operational state for monitor type state 'Sleeping'*");
    }

    [Fact]
    public async Task The_explorer_shows_the_tree_with_display_names_kinds_states_and_change_times()
    {
        await using var h = await StartAsync([Shop]);
        var app = Id(Shop);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        h.Apply(app, Primary, "Failed");
        var changed = Start.AddMinutes(5);

        var tree = h.Model.Explorer(app)!;

        tree.Should().BeEquivalentTo(new HealthExplorerNode(EntityState, "Entity Health", MonitorKind.Aggregate, HealthState.Error, changed,
        [
            new(Availability, "Availability", MonitorKind.Aggregate, HealthState.Error, changed,
            [
                new(Running, "Application running", MonitorKind.Unit, HealthState.Uninitialized, null, []),
                new(Backends, "Back ends", MonitorKind.Aggregate, HealthState.Error, changed,
                [
                    new(Primary, Primary, MonitorKind.Unit, HealthState.Error, changed, []),
                    new(Secondary, Secondary, MonitorKind.Unit, HealthState.Uninitialized, null, []),
                ]),
                new("Test.Health.App.Components", "Components rollup", MonitorKind.Dependency, HealthState.Uninitialized, null, []),
            ]),
            new(Performance, "Performance", MonitorKind.Aggregate, HealthState.Uninitialized, null, [new(Latency, Latency, MonitorKind.Unit, HealthState.Uninitialized, null, [])]),
            new(Configuration, "Configuration", MonitorKind.Aggregate, HealthState.Uninitialized, null,
                [new("Test.Health.App.Licence", "Test.Health.App.Licence", MonitorKind.Unit, HealthState.Uninitialized, null, [])]),
            new("System.Health.SecurityState", "Security", MonitorKind.Aggregate, HealthState.Uninitialized, null, []),
        ]), options => options.WithStrictOrdering());
    }
}
