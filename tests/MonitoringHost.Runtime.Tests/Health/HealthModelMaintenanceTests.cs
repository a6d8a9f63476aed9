using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Health;
using static MonitoringHost.Runtime.Tests.Health.HealthHarness;

namespace MonitoringHost.Runtime.Tests.Health;

/// <summary>Maintenance freezing an object's monitors; members in maintenance and unavailable members in dependency rollups.</summary>
public sealed class HealthModelMaintenanceTests
{

    [Fact]
    public async Task In_maintenance_an_objects_monitors_make_no_state_changes_and_catch_up_when_it_ends()
    {
        await using var h = await StartAsync([Shop]);
        var shop = Id(Shop);
        h.Apply(shop, Running, "Healthy");
        h.TakeBatch();

        h.Model.SetMaintenance(shop, true, Start, h.Batch).Should().BeTrue();
        h.Model.SetMaintenance(shop, true, Start, h.Batch).Should().BeFalse("it already is");
        h.Apply(shop, Running, "Failed", "<DataItem n='2'/>").Should().Be(MonitorApplyOutcome.InMaintenance);
        h.Model.ResetMonitor(shop, Running, Start, h.Batch).Should().Be(MonitorApplyOutcome.InMaintenance);

        var during = h.TakeBatch();
        during.StateChanges.Should().BeEmpty();
        during.States.Should().ContainSingle().Which.Should().Be(new MonitorStateRecord(shop, Running, HealthState.Success, "Failed", Start),
            "the monitor type state is remembered; the health is not changed");
        h.State(shop, Running).Should().Be(HealthState.Success);
        h.Model.Summary(shop).Should().Be(new ObjectHealthSummary(shop, HealthState.Success, InMaintenance: true, IsAvailable: true));

        h.Time.Advance(TimeSpan.FromMinutes(30));
        h.Model.SetMaintenance(shop, false, h.Time.GetUtcNow(), h.Batch).Should().BeTrue();

        var after = h.TakeBatch();
        after.StateChanges.Select(c => (c.MonitorId, c.NewState, c.Context)).Should().Equal(
            (Running, HealthState.Error, "<DataItem n='2'/>"), (Availability, HealthState.Error, null), (EntityState, HealthState.Error, null));
        after.StateChanges.Should().OnlyContain(c => c.Time == Start.AddMinutes(30));
        h.Model.Summary(shop)!.InMaintenance.Should().BeFalse();
    }

    [Fact]
    public async Task A_member_in_maintenance_is_left_out_by_default_and_counts_as_MemberInMaintenance_when_set()
    {
        await using var h = await StartWithServiceAsync();
        var (service, shop, payments) = (Id(CheckoutService), Id(Shop), Id(Payments));
        h.Apply(shop, Running, "Healthy");
        h.Apply(payments, Running, "Failed");
        h.State(service, ServiceApps).Should().Be(HealthState.Error);
        h.State(service, AppsStrict).Should().Be(HealthState.Error);

        h.Model.SetMaintenance(payments, true, Start, h.Batch);

        h.State(service, ServiceApps).Should().Be(HealthState.Success, "payments is left out while in maintenance");
        h.State(service, AppsStrict).Should().Be(HealthState.Error, "its MemberInMaintenance is Error");

        // The service's own rollups keep working while a member is in maintenance.
        h.Apply(shop, Running, "Degraded");
        h.State(service, ServiceApps).Should().Be(HealthState.Warning);

        h.Model.SetMaintenance(payments, false, Start, h.Batch);
        h.State(service, ServiceApps).Should().Be(HealthState.Error);
    }

    [Fact]
    public async Task An_object_in_maintenance_keeps_its_rollups_while_its_members_change_and_recomputes_them_when_it_ends()
    {
        await using var h = await StartWithServiceAsync();
        var (service, shop) = (Id(CheckoutService), Id(Shop));
        h.Apply(shop, Running, "Healthy");
        h.Model.SetMaintenance(service, true, Start, h.Batch);
        h.TakeBatch();

        h.Apply(shop, Running, "Failed");
        h.TakeBatch().StateChanges.Should().OnlyContain(c => c.ObjectId == shop);
        h.State(service, ServiceApps).Should().Be(HealthState.Success);

        h.Model.SetMaintenance(service, false, Start, h.Batch);
        h.State(service, ServiceApps).Should().Be(HealthState.Error);
        h.Model.EntityState(service).Should().Be(HealthState.Error);
    }

    [Fact]
    public async Task An_unavailable_computer_greys_what_it_hosts_and_they_count_as_MemberUnAvailable()
    {
        await using var h = await StartWithServiceAsync();
        await h.DiscoverAsync([ComponentData("web02", "payments", "ledger")]);
        var (service, shop, payments, web02) = (Id(CheckoutService), Id(Shop), Id(Payments), Id(ComputerData("web02")));
        var ledger = Id(ComponentData("web02", "payments", "ledger"));
        h.Apply(shop, Running, "Healthy");
        h.Apply(payments, Running, "Healthy");
        h.State(service, AppsStrict).Should().Be(HealthState.Success);

        h.Model.SetAvailability(web02, false, Start, h.Batch).Should().BeTrue();

        h.Model.Summary(web02)!.IsAvailable.Should().BeFalse();
        h.Model.Summary(payments)!.IsAvailable.Should().BeFalse();
        h.Model.Summary(ledger)!.IsAvailable.Should().BeFalse("the host chain leads to the computer");
        h.Model.Summary(shop)!.IsAvailable.Should().BeTrue();
        h.State(service, AppsStrict).Should().Be(HealthState.Warning, "its MemberUnAvailable is Warning");
        h.State(service, ServiceApps).Should().Be(HealthState.Success, "left out by default");

        // Maintenance wins over unavailability: the member counts as MemberInMaintenance.
        h.Model.SetMaintenance(payments, true, Start, h.Batch);
        h.State(service, AppsStrict).Should().Be(HealthState.Error);
        h.Model.SetMaintenance(payments, false, Start, h.Batch);

        h.Model.SetAvailability(web02, true, Start, h.Batch).Should().BeTrue();
        h.Model.Summary(ledger)!.IsAvailable.Should().BeTrue();
        h.State(service, AppsStrict).Should().Be(HealthState.Success);
    }

    [Fact]
    public async Task An_object_discovered_on_an_unavailable_computer_is_unavailable_from_the_start()
    {
        await using var h = await StartAsync();
        await h.DiscoverAsync([ComputerData("web09")]);
        h.Model.SetAvailability(Id(ComputerData("web09")), false, Start, h.Batch);

        await h.DiscoverAsync([ComponentData("web09", "shop", "cart")]);

        h.Model.Summary(Id(ComponentData("web09", "shop", "cart")))!.IsAvailable.Should().BeFalse();
    }
}
