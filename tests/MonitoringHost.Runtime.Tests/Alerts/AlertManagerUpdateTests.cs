using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using static MonitoringHost.Runtime.Tests.Alerts.AlertHarness;

namespace MonitoringHost.Runtime.Tests.Alerts;

public sealed class AlertManagerUpdateTests
{
    private readonly AlertHarness _harness = new();

    [Fact]
    public void Update_Patch_RecordsExactlyTheChangedFieldsWithWhoWhenAndComment()
    {
        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error)!;
        var patch = new AlertPatch
        {
            ResolutionState = 249,
            Owner = "jane",
            TicketId = "INC0042",
            CustomFields = ImmutableDictionary<int, string>.Empty.Add(3, "rack 12").Add(4, ""),
            Comment = "looking into it",
        };

        var updated = _harness.Update(alert.Id, patch, expectedVersion: 1);

        var now = _harness.Time.GetUtcNow();
        (updated.ResolutionState, updated.Owner, updated.TicketId, updated.CustomFields[2], updated.Version, updated.LastModified, updated.LastModifiedBy)
            .Should().Be((249, "jane", "INC0042", "rack 12", 2L, now, "jane"));
        var (saved, history) = _harness.Batch.UpdatedAlerts.Should().ContainSingle().Subject;
        saved.Should().Be(updated);
        history.Should().BeEquivalentTo(new { AlertId = alert.Id, Version = 2L, Time = now, By = Operator, Comment = "looking into it" });
        history.Changes.Should().Equal(new Dictionary<string, FieldChange>
        {
            ["customField3"] = new(null, "rack 12"),
            ["owner"] = new(null, "jane"),
            ["resolutionState"] = new("0", "249"),
            ["ticketId"] = new(null, "INC0042"),
        });
        _harness.Manager.OpenAlertOf(PortMonitor, _harness.Service.Id).Should().Be(updated, "249 Acknowledged is still open");
    }

    [Fact]
    public void Update_EmptyText_ClearsTheField()
    {
        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error)!;
        _harness.Update(alert.Id, new AlertPatch { Owner = "jane" });

        var cleared = _harness.Update(alert.Id, new AlertPatch { Owner = "" });

        cleared.Owner.Should().BeNull();
        _harness.Batch.UpdatedAlerts.Single().History.Changes.Should().Equal(new Dictionary<string, FieldChange> { ["owner"] = new("jane", null) });
    }

    [Fact]
    public void Update_StaleVersion_ThrowsAConflictNamingBothVersionsAndChangesNothing()
    {
        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Warning)!;
        _harness.Change(PortMonitor, HealthState.Warning, HealthState.Error);

        var update = () => _harness.Update(alert.Id, new AlertPatch { Owner = "jane" }, expectedVersion: 1);

        var conflict = update.Should().Throw<AlertVersionConflictException>().Which;
        (conflict.AlertId, conflict.ExpectedVersion, conflict.CurrentVersion).Should().Be((alert.Id, 1L, 2L));
        conflict.Message.Should().Be($"alert {alert.Id:D} is at version 2, not the expected version 1; read it again and retry");
        _harness.Batch.IsEmpty.Should().BeTrue();
        _harness.Manager.Get(alert.Id)!.Owner.Should().BeNull();
    }

    [Fact]
    public void Update_UnknownResolutionState_ThrowsListingTheDefinedStates()
    {
        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Warning)!;

        var update = () => _harness.Update(alert.Id, new AlertPatch { ResolutionState = 17, CustomFields = ImmutableDictionary<int, string>.Empty.Add(12, "x") });

        update.Should().Throw<InvalidAlertChangeException>().Which.Problems.Should().Equal(
            "resolution state 17 is not defined; the defined states are 0 New, 247 Awaiting Evidence, 248 Assigned to Engineering, 249 Acknowledged, 250 Scheduled, 254 Resolved, 255 Closed",
            "customField12 is not a field (customField1 to customField10)");
    }

    [Fact]
    public void Update_UnknownId_ThrowsNotFound()
    {
        var id = Guid.Parse("6a3e5fa7-8192-43a4-9fb0-2b3c4d5e6f70");

        var update = () => _harness.Update(id, new AlertPatch { Owner = "x" });

        update.Should().Throw<AlertNotFoundException>().Which.AlertId.Should().Be(id);
    }

    [Fact]
    public void Update_Closing_SetsTimeResolvedAndResolvedByAndLeavesTheMonitorAlone()
    {
        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error)!;

        var closed = _harness.Update(alert.Id, new AlertPatch { ResolutionState = 255, Comment = "fixed the firewall" });

        (closed.ResolutionState, closed.TimeResolved, closed.ResolvedBy).Should().Be((255, _harness.Time.GetUtcNow(), "jane"));
        _harness.Batch.UpdatedAlerts.Single().History.Changes.Keys.Should().Equal("resolutionState", "resolvedBy", "timeResolved");
        (_harness.Batch.StateChanges.Count, _harness.Batch.States.Count).Should().Be((0, 0));
        _harness.Manager.OpenAlertOf(PortMonitor, _harness.Service.Id).Should().BeNull();
        _harness.Change(PortMonitor, HealthState.Error, HealthState.Success).Should().BeNull("there is no open alert left to resolve");
    }

    [Fact]
    public void Update_Reopening_ClearsTheResolutionAndMakesItTheMonitorsOpenAlertAgain()
    {
        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error)!;
        _harness.Update(alert.Id, new AlertPatch { ResolutionState = 255 });

        var reopened = _harness.Update(alert.Id, new AlertPatch { ResolutionState = 0, Comment = "not fixed" });

        (reopened.ResolutionState, reopened.TimeResolved, reopened.ResolvedBy, reopened.Version).Should().Be((0, (DateTimeOffset?)null, (string?)null, 3L));
        _harness.Batch.UpdatedAlerts.Single().History.Changes.Should().Equal(new Dictionary<string, FieldChange>
        {
            ["resolutionState"] = new("255", "0"),
            ["resolvedBy"] = new("jane", null),
            ["timeResolved"] = new("2026-11-30T10:02:00.0000000Z", null),
        });
        _harness.Manager.OpenAlertOf(PortMonitor, _harness.Service.Id).Should().Be(reopened);
        _harness.Change(PortMonitor, HealthState.Error, HealthState.Success)!.Should().Match<Alert>(a => a.Id == alert.Id && a.ResolutionState == 255);
    }

    [Fact]
    public void Update_ReopeningWhileAnotherAlertOfTheMonitorIsOpen_Conflicts()
    {
        var (first, second) = ClosedByHandThenRaisedAgain();

        var reopen = () => _harness.Update(first.Id, new AlertPatch { ResolutionState = 249 });

        var conflict = reopen.Should().Throw<AlertConflictException>().Which;
        (conflict.AlertId, conflict.OpenAlertId).Should().Be((first.Id, second.Id));
        conflict.Message.Should().Contain("monitor Test.Alerts.Port.Monitor on web01.contoso.com;W3SVC");
    }

    [Fact]
    public void Update_CommentOnly_AddsHistoryWithNoChangedFields()
    {
        var alert = _harness.Raise(hasSuppression: false)!;

        var commented = _harness.Update(alert.Id, new AlertPatch { Comment = "seen" });

        commented.Version.Should().Be(2);
        var history = _harness.Batch.UpdatedAlerts.Single().History;
        (history.Changes.Count, history.Comment).Should().Be((0, "seen"));
    }

    [Fact]
    public void Update_NothingToChange_ChangesNothing()
    {
        var alert = _harness.Raise(hasSuppression: false)!;

        var same = _harness.Update(alert.Id, new AlertPatch { ResolutionState = 0, Owner = null });

        same.Should().Be(alert);
        _harness.Batch.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void UpdateMany_ReturnsUpdatedIdsAndAFailurePerIdThatCouldNotBe()
    {
        var (monitorAlert, newer) = ClosedByHandThenRaisedAgain();
        var ruleAlert = _harness.Raise(hasSuppression: false)!;
        var unknown = Guid.Parse("7b4f60b8-92a3-44b5-a0c1-3c4d5e6f7081");
        _harness.Step();

        var result = _harness.Manager.UpdateMany(
            [newer.Id, unknown, monitorAlert.Id, ruleAlert.Id, newer.Id],
            new AlertPatch { ResolutionState = 248, Comment = "to engineering" },
            Operator,
            _harness.Batch);

        result.Updated.Should().Equal(newer.Id, ruleAlert.Id);
        result.Failures.Should().Equal(
            new AlertUpdateFailure(unknown, $"there is no alert {unknown:D}"),
            new AlertUpdateFailure(monitorAlert.Id, $"alert {monitorAlert.Id:D} cannot be reopened: alert {newer.Id:D} is already open for monitor Test.Alerts.Port.Monitor on web01.contoso.com;W3SVC"));
        _harness.Batch.UpdatedAlerts.Select(u => (u.Alert.Id, u.Alert.ResolutionState, u.History.Comment))
            .Should().Equal((newer.Id, 248, "to engineering"), (ruleAlert.Id, 248, "to engineering"));
    }

    [Fact]
    public void UpdateMany_InvalidPatch_ThrowsBeforeAnyAlertChanges()
    {
        var alert = _harness.Raise(hasSuppression: false)!;
        _harness.Step();

        var update = () => _harness.Manager.UpdateMany([alert.Id], new AlertPatch { ResolutionState = 300 }, Operator, _harness.Batch);

        update.Should().Throw<InvalidAlertChangeException>();
        _harness.Batch.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Get_ClosedAlertsBeyondTheKeptNumber_AreForgottenOldestFirstAndCanBeRestored()
    {
        var alerts = Enumerable.Range(0, 3).Select(_ => _harness.Raise(hasSuppression: false)!).ToList();
        var manager = _harness.NewManager(closedAlertsKept: 2);
        manager.Load(_harness.Snapshot());
        var closed = alerts.Select(a => manager.Update(a.Id, new AlertPatch { ResolutionState = 255 }, Operator, _harness.Batch)).ToList();

        alerts.Select(a => manager.Get(a.Id) is not null).Should().Equal(false, true, true);

        manager.Restore(closed[0]).Should().Be(closed[0]);
        manager.Update(alerts[0].Id, new AlertPatch { Comment = "late note" }, Operator, _harness.Batch).Version.Should().Be(3);
        var restoreOpen = () => manager.Restore(alerts[0] with { Id = Guid.Parse("8c5071c9-a3b4-45c6-b1d2-4d5e6f708192") });
        restoreOpen.Should().Throw<ArgumentException>();
    }

    /// <summary>A port monitor alert closed by hand, and the one its monitor raised after it (Error → Success → Error).</summary>
    private (Alert Closed, Alert Open) ClosedByHandThenRaisedAgain()
    {
        var closed = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error)!;
        _harness.Update(closed.Id, new AlertPatch { ResolutionState = 255 });
        _harness.Change(PortMonitor, HealthState.Error, HealthState.Success);
        return (closed, _harness.Change(PortMonitor, HealthState.Success, HealthState.Error)!);
    }
}
