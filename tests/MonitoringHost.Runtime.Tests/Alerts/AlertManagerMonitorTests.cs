using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using static MonitoringHost.Runtime.Tests.Alerts.AlertHarness;

namespace MonitoringHost.Runtime.Tests.Alerts;

public sealed class AlertManagerMonitorTests
{
    private readonly AlertHarness _harness = new();

    [Fact]
    public void OnStateChange_EnteringWarning_RaisesAlertFilledFromTheSettingsContextAndTarget()
    {
        var context = PropertyBag(("State", "slow"), ("Port", "8080"));

        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Warning, context);

        var now = _harness.Time.GetUtcNow();
        alert.Should().NotBeNull();
        alert!.Should().BeEquivalentTo(new
        {
            Name = "Port not open on web01.contoso.com",
            Description = "Service W3SVC port 8080 on web01.contoso.com is slow (detail: none). {4} and {x} stay as written.",
            Severity = 1,
            Priority = 2,
            ResolutionState = 0,
            Category = "AvailabilityHealth",
            MonitoringObjectId = _harness.Service.Id,
            MonitoringObjectDisplayName = "W3SVC",
            MonitoringObjectPath = "web01.contoso.com;W3SVC",
            MonitoringClassId = "Test.Alerts.Service",
            IsMonitorAlert = true,
            RuleOrMonitorId = PortMonitor,
            ProblemId = ElementGuid(PortMonitor),
            RepeatCount = 0,
            Context = context,
            TimeRaised = now.AddSeconds(-10),
            TimeAdded = now,
            LastModified = now,
            LastModifiedBy = "System",
            TimeResolved = (DateTimeOffset?)null,
            Version = 1L,
        });
        alert.Parameters.Should().Equal("web01.contoso.com", "slow", "W3SVC port 8080", "none");
        _harness.Batch.CreatedAlerts.Should().Equal(alert);
        _harness.Batch.UpdatedAlerts.Should().BeEmpty();
        _harness.Manager.OpenAlertOf(PortMonitor, _harness.Service.Id).Should().Be(alert);
    }

    [Fact]
    public void OnStateChange_WarningToErrorWhileOpen_RaisesNoSecondAlertAndTheSeverityFollows()
    {
        var first = _harness.Change(PortMonitor, HealthState.Success, HealthState.Warning)!;

        var changed = _harness.Change(PortMonitor, HealthState.Warning, HealthState.Error)!;

        changed.Id.Should().Be(first.Id);
        (changed.Severity, changed.Version, changed.ResolutionState).Should().Be((2, 2L, 0));
        _harness.Batch.CreatedAlerts.Should().BeEmpty();
        var (saved, history) = _harness.Batch.UpdatedAlerts.Should().ContainSingle().Subject;
        saved.Should().Be(changed);
        history.Changes.Should().Equal(new Dictionary<string, FieldChange> { ["severity"] = new("1", "2") });
        (history.By, history.Comment, history.Version, history.Time).Should().Be((ChangeAuthor.System, "The monitor changed from Warning to Error", 2L, _harness.Time.GetUtcNow()));
        _harness.Manager.OpenAlerts.Should().ContainSingle();
    }

    [Fact]
    public void OnStateChange_ErrorToWarningWithAlertOnError_KeepsTheAlertOpenWithItsFixedSeverity()
    {
        var raised = _harness.Change(StickyMonitor, HealthState.Success, HealthState.Error)!;

        var after = _harness.Change(StickyMonitor, HealthState.Error, HealthState.Warning);

        after.Should().BeNull();
        _harness.Batch.IsEmpty.Should().BeTrue();
        _harness.Manager.OpenAlertOf(StickyMonitor, _harness.Service.Id).Should().Be(raised);
    }

    [Fact]
    public void OnStateChange_FixedSeverityLowPriorityMessageWithoutDescription_AreUsedAsWritten()
    {
        _harness.Change(StickyMonitor, HealthState.Success, HealthState.Warning).Should().BeNull("the monitor alerts on Error only");

        var alert = _harness.Change(StickyMonitor, HealthState.Warning, HealthState.Error)!;

        (alert.Name, alert.Description, alert.Severity, alert.Priority, alert.Category).Should().Be(("Sticky failure", "", 1, 0, "PerformanceHealth"));
        alert.Parameters.Should().BeEmpty();
    }

    [Fact]
    public void OnStateChange_ReturnToSuccessWithAutoResolve_ClosesTheAlertBySystem()
    {
        var raised = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error)!;

        var closed = _harness.Change(PortMonitor, HealthState.Error, HealthState.Success)!;

        var resolvedAt = _harness.Time.GetUtcNow().AddSeconds(-10);
        closed.Id.Should().Be(raised.Id);
        (closed.ResolutionState, closed.ResolvedBy, closed.TimeResolved, closed.Version, closed.IsOpen).Should().Be((255, "System", resolvedAt, 2L, false));
        var history = _harness.Batch.UpdatedAlerts.Should().ContainSingle().Subject.History;
        history.Changes.Should().Equal(new Dictionary<string, FieldChange>
        {
            ["resolutionState"] = new("0", "255"),
            ["resolvedBy"] = new(null, "System"),
            ["timeResolved"] = new(null, "2026-11-30T10:01:50.0000000Z"),
        });
        history.Comment.Should().Be("Auto-resolved: the monitor changed from Error to Success");
        _harness.Manager.OpenAlertOf(PortMonitor, _harness.Service.Id).Should().BeNull();
        _harness.Manager.Get(raised.Id).Should().Be(closed);
    }

    [Fact]
    public void OnStateChange_ReturnToSuccessWithoutAutoResolve_LeavesTheAlertOpenAndTheNextErrorRaisesNothing()
    {
        var raised = _harness.Change(StickyMonitor, HealthState.Success, HealthState.Error)!;

        _harness.Change(StickyMonitor, HealthState.Error, HealthState.Success).Should().BeNull();
        _harness.Change(StickyMonitor, HealthState.Success, HealthState.Error).Should().BeNull();

        _harness.Manager.OpenAlerts.Should().Equal(raised);
    }

    [Fact]
    public void OnStateChange_FlappingMonitor_HasOneAlertAtATimeEachAutoResolved()
    {
        var raised = new List<Guid>();
        for (var cycle = 0; cycle < 6; cycle++)
        {
            var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error)!;
            _harness.Batch.CreatedAlerts.Should().ContainSingle();
            _harness.Manager.OpenAlerts.Should().ContainSingle().Which.Id.Should().Be(alert.Id);
            raised.Add(alert.Id);

            var closed = _harness.Change(PortMonitor, HealthState.Error, HealthState.Success)!;
            (closed.Id, closed.ResolutionState).Should().Be((alert.Id, 255));
            _harness.Manager.OpenAlerts.Should().BeEmpty();
        }

        raised.Should().OnlyHaveUniqueItems().And.HaveCount(6);
        raised.Select(id => _harness.Manager.Get(id)!.ResolutionState).Should().AllBeEquivalentTo(255);
    }

    [Fact]
    public void OnStateChange_MonitorWithoutAlertSettings_RaisesNothing()
    {
        _harness.Change("Test.Alerts.Silent.Monitor", HealthState.Success, HealthState.Error).Should().BeNull();
        _harness.Change("Test.Alerts.Unknown.Monitor", HealthState.Success, HealthState.Error).Should().BeNull();

        _harness.Batch.IsEmpty.Should().BeTrue();
        _harness.Manager.OpenAlerts.Should().BeEmpty();
    }

    [Fact]
    public void OnStateChange_AggregateMonitorWithoutMessage_IsNamedAfterTheMonitor()
    {
        var alert = _harness.Change("Test.Alerts.Rollup", HealthState.Warning, HealthState.Error)!;

        (alert.Name, alert.Description, alert.Severity, alert.Priority, alert.Context).Should().Be(("Service availability rollup", "", 2, 1, (string?)null));
        (alert.ProblemId, alert.IsMonitorAlert).Should().Be((ElementGuid("Test.Alerts.Rollup"), true));
    }

    [Fact]
    public void OnStateChange_DependencyMonitorOnTheComputer_RaisesInformationAlertForIt()
    {
        var alert = _harness.Change("Test.Alerts!Test.Alerts.Services.Dependency", HealthState.Success, HealthState.Warning, objectId: _harness.Computer.Id)!;

        (alert.Name, alert.Description, alert.Severity).Should().Be(("Services on web01.contoso.com unhealthy", "At least one service on web01.contoso.com is not healthy.", 0));
        (alert.MonitoringObjectId, alert.MonitoringClassId, alert.RuleOrMonitorId).Should().Be((_harness.Computer.Id, "Microsoft.Windows.Computer", "Test.Alerts.Services.Dependency"));
        _harness.Manager.OpenAlertOf("Test.Alerts.Services.Dependency", _harness.Computer.Id).Should().Be(alert);
    }

    [Fact]
    public void OnStateChange_ObjectInMaintenance_RaisesNothingButAnOpenAlertStaysAndStillAutoResolves()
    {
        var open = _harness.Change(PortMonitor, HealthState.Success, HealthState.Warning)!;
        _harness.Maintenance.Add(_harness.Service.Id);

        _harness.Change(StickyMonitor, HealthState.Success, HealthState.Error).Should().BeNull();
        _harness.Batch.IsEmpty.Should().BeTrue();
        _harness.Manager.OpenAlerts.Should().Equal(open);

        _harness.Change(PortMonitor, HealthState.Warning, HealthState.Success)!.ResolutionState.Should().Be(255);
    }

    [Fact]
    public void OnStateChange_ContextValueWithMarkupCharacters_ParameterReadsTheValueAsTheBagHadIt()
    {
        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error, PropertyBag(("State", "slow & <\"unsafe\">"), ("Port", "8080")))!;

        alert.Parameters.Should().Equal("web01.contoso.com", "slow & <\"unsafe\">", "W3SVC port 8080", "none");
    }

    [Fact]
    public void OnStateChange_ContextWithADoctype_IsNotReadAndTheParametersAreEmpty()
    {
        var context = "<!DOCTYPE DataItem [<!ENTITY e \"expanded\">]><DataItem type=\"System.PropertyBagData\"><Property Name=\"State\">&e;</Property></DataItem>";

        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error, context)!;

        alert.Parameters.Should().Equal("web01.contoso.com", "", "W3SVC port 8080", "none");
    }

    [Fact]
    public void OnStateChange_ContextThatIsNotXml_RaisesTheAlertWithEmptyContextParameters()
    {
        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error, "State=slow")!;

        alert.Parameters.Should().Equal("web01.contoso.com", "", "W3SVC port 8080", "none");
        alert.Context.Should().Be("State=slow");
    }

    [Fact]
    public void OnStateChange_TargetTokenThatCannotBeBound_ShowsTheParameterAsWritten()
    {
        var orphan = _harness.Service with { Id = Guid.Parse("3d0b2c74-5e6f-4071-8c8d-9e0f1a2b3c4d"), HostId = null, Path = "W3SVC" };
        _harness.Objects.Add(orphan.Id, orphan);

        var alert = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error, objectId: orphan.Id)!;

        alert.Parameters[0].Should().Be("$Target/Host/Property[Type=\"Windows!Microsoft.Windows.Computer\"]/PrincipalName$");
        alert.Parameters[2].Should().Be("W3SVC port 8080");
    }

    [Fact]
    public void OnStateChange_ObjectNotInTheInstanceSpace_RaisesNothing()
    {
        _harness.Change(PortMonitor, HealthState.Success, HealthState.Error, objectId: Guid.Parse("4e1c3d85-6f70-4182-9d9e-0f1a2b3c4d5e")).Should().BeNull();

        _harness.Batch.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void OnStateChange_AfterTheAlertWasClosedByHand_TheNextAlertingChangeRaisesANewOne()
    {
        var first = _harness.Change(PortMonitor, HealthState.Success, HealthState.Warning)!;
        _harness.Update(first.Id, new AlertPatch { ResolutionState = 255 });
        _harness.Batch.StateChanges.Should().BeEmpty("closing an alert leaves its monitor alone");

        var second = _harness.Change(PortMonitor, HealthState.Warning, HealthState.Error)!;

        second.Id.Should().NotBe(first.Id);
        (second.Severity, second.ResolutionState).Should().Be((2, 0));
        _harness.Manager.OpenAlerts.Should().Equal(second);
    }

    [Fact]
    public void ObjectsRemoved_ClosesTheirOpenAlertsNamingTheObject()
    {
        var onService = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error)!;
        var onComputer = _harness.Change("Test.Alerts.Services.Dependency", HealthState.Success, HealthState.Error, objectId: _harness.Computer.Id)!;
        _harness.Step();

        var closed = _harness.Manager.ObjectsRemoved([_harness.Service.Id], _harness.Batch);

        closed.Should().ContainSingle().Which.Should().Match<Alert>(a => a.Id == onService.Id && a.ResolutionState == 255 && a.ResolvedBy == "System");
        _harness.Batch.UpdatedAlerts.Should().ContainSingle().Which.History.Comment
            .Should().Be($"Closed: W3SVC (web01.contoso.com;W3SVC, {_harness.Service.Id:D}) was removed from the instance space");
        _harness.Manager.OpenAlerts.Should().Equal(onComputer);
    }
}
