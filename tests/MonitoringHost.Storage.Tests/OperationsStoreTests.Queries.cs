using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Maintenance;
using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Storage.Tests;

public abstract partial class OperationsStoreTests
{
    [SkippableFact]
    public async Task ReadAlerts_PagesByLastModifiedAndId_OpenOnlyOrAll_ModifiedSince()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var alerts = Enumerable.Range(1, 7).Select(i => MonitorAlert(i, objectId: i) with { LastModified = T0.AddMinutes(i % 4) }).ToList();
        alerts[2] = alerts[2] with { ResolutionState = Alert.Closed };
        await store.CommitAsync(Batch(b => b.CreatedAlerts.AddRange(alerts)), default);
        var expected = alerts.OrderBy(a => a.LastModified).ThenBy(a => a.Id.ToString()).ToList();

        var pages = new List<AlertPage>();
        AlertCursor? cursor = null;
        do
        {
            pages.Add(await store.ReadAlertsAsync(new AlertQuery(After: cursor, Limit: 3), default));
            cursor = pages[^1].Next;
        }
        while (cursor is not null);

        pages.Select(p => p.Items.Count).Should().Equal(3, 3, 1);
        pages.SelectMany(p => p.Items).Select(a => a.Id).Should().Equal(expected.Select(a => a.Id));
        pages[0].Next.Should().Be(new AlertCursor(pages[0].Items[^1].LastModified, pages[0].Items[^1].Id));
        var open = await store.ReadAlertsAsync(new AlertQuery(OpenOnly: true, Limit: 100), default);
        open.Items.Select(a => a.Id).Should().Equal(expected.Where(a => a.IsOpen).Select(a => a.Id));
        open.Next.Should().BeNull();
        var since = await store.ReadAlertsAsync(new AlertQuery(ModifiedSince: T0.AddMinutes(2), Limit: 100), default);
        since.Items.Should().OnlyContain(a => a.LastModified >= T0.AddMinutes(2)).And.HaveCount(alerts.Count(a => a.LastModified >= T0.AddMinutes(2)));
        var exact = await store.ReadAlertsAsync(new AlertQuery(Limit: 7), default);
        (exact.Items.Count, exact.Next).Should().Be((7, (AlertCursor?)null));
    }

    [SkippableFact]
    public async Task ReadAlert_UnknownId_IsNull_AndItsHistoryIsEmpty()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);

        (await store.ReadAlertAsync(Id(5), default)).Should().BeNull();
        (await store.ReadAlertHistoryAsync(Id(5), default)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task ReadStateChanges_ReturnsOneObjectsChangesAtOrAfterTheTime_OldestFirst_UpToTheLimit()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var changes = Enumerable.Range(0, 5)
            .Select(i => new StateChange(Id(1), Monitor, HealthState.Success, HealthState.Error, T0.AddMinutes(4 - i), i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new StateChange(Id(2), Monitor, HealthState.Success, HealthState.Warning, T0.AddMinutes(3), null))
            .ToList();
        await store.CommitAsync(Batch(b => b.StateChanges.AddRange(changes)), default);

        var read = await store.ReadStateChangesAsync(Id(1), T0.AddMinutes(1), 3, default);

        read.Select(c => c.Context).Should().Equal("3", "2", "1");
        read.Select(c => c.Time).Should().Equal(T0.AddMinutes(1), T0.AddMinutes(2), T0.AddMinutes(3));
        (await store.ReadStateChangesAsync(Id(2), T0, 10, default)).Should().Equal(changes[^1]);
    }

    [SkippableFact]
    public async Task SaveResolutionState_AddsAndRenamesCustomStates_AndRefusesTheFixedOnes()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);

        await store.SaveResolutionStateAsync(new ResolutionState(5, "Waiting"), default);
        await store.SaveResolutionStateAsync(new ResolutionState(249, "Acknowledged by ops"), default);
        var fixedState = () => store.SaveResolutionStateAsync(new ResolutionState(0, "Fresh"), default);

        (await fixedState.Should().ThrowAsync<ArgumentException>()).WithMessage("*0 ('Fresh')*");
        var states = await store.ReadResolutionStatesAsync(default);
        states.Select(s => s.Code).Should().Equal(0, 5, 247, 248, 249, 250, 254, 255);
        states.Should().Contain([new ResolutionState(5, "Waiting"), new ResolutionState(249, "Acknowledged by ops"), new ResolutionState(0, "New")]);
    }

    [SkippableFact]
    public async Task MaintenanceSchedules_SaveReadReplaceDelete_RoundTripEveryField()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var weekly = new MaintenanceSchedule(
            Id(1), "Patch Tuesday «srv»", "FREQ=MONTHLY;BYDAY=2TU;BYHOUR=22", "Europe/Zurich", TimeSpan.FromHours(3), [Id(10), Id(11)], true,
            MaintenanceReason.PlannedOperatingSystemReconfiguration, "monthly patches", true, Precise, PreciseUtc.AddDays(1));
        var nightly = new MaintenanceSchedule(Id(2), "Backup", "0 2 * * *", "UTC", TimeSpan.FromSeconds(5400), [], false, MaintenanceReason.PlannedOther, null, false, T0, T0);

        await store.SaveMaintenanceScheduleAsync(weekly, default);
        await store.SaveMaintenanceScheduleAsync(nightly, default);

        var read = await store.ReadMaintenanceScheduleAsync(Id(1), default);
        read.Should().BeEquivalentTo(weekly with { Created = PreciseUtc });
        read!.Targets.Should().Equal(Id(10), Id(11));
        (await store.ReadMaintenanceSchedulesAsync(default)).Select(s => s.Name).Should().Equal("Backup", "Patch Tuesday «srv»");

        await store.SaveMaintenanceScheduleAsync(nightly with { Enabled = true, Recurrence = "30 1 * * *", Targets = [Id(12)] }, default);
        (await store.ReadMaintenanceScheduleAsync(Id(2), default))!.Should().BeEquivalentTo(nightly with { Enabled = true, Recurrence = "30 1 * * *", Targets = [Id(12)] });
        (await store.DeleteMaintenanceScheduleAsync(Id(1), default)).Should().BeTrue();
        (await store.DeleteMaintenanceScheduleAsync(Id(1), default)).Should().BeFalse();
        (await store.ReadMaintenanceScheduleAsync(Id(1), default)).Should().BeNull();
        (await store.ReadMaintenanceSchedulesAsync(default)).Select(s => s.Id).Should().Equal(Id(2));
    }

    [SkippableFact]
    public async Task SaveMaintenanceSchedule_DurationOfPartSeconds_IsRefused()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var schedule = new MaintenanceSchedule(Id(1), "x", "0 2 * * *", "UTC", TimeSpan.FromMilliseconds(1500), [], false, MaintenanceReason.PlannedOther, null, true, T0, T0);

        var save = () => store.SaveMaintenanceScheduleAsync(schedule, default);

        (await save.Should().ThrowAsync<ArgumentException>()).WithMessage("*whole seconds*");
        (await store.ReadMaintenanceSchedulesAsync(default)).Should().BeEmpty();
    }
}
