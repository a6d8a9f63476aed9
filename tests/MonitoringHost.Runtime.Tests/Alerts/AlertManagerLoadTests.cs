using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Operations;
using static MonitoringHost.Runtime.Tests.Alerts.AlertHarness;

namespace MonitoringHost.Runtime.Tests.Alerts;

public sealed class AlertManagerLoadTests
{
    private readonly AlertHarness _harness = new();

    [Fact]
    public void Load_AfterRestart_OpenMonitorAlertTakesTheNextChangesAndNoDuplicateIsRaised()
    {
        var open = _harness.Change(PortMonitor, HealthState.Success, HealthState.Warning)!;

        _harness.Restart();

        var changed = _harness.Change(PortMonitor, HealthState.Warning, HealthState.Error)!;
        (changed.Id, changed.Severity, changed.Version).Should().Be((open.Id, 2, 2L));
        _harness.Batch.CreatedAlerts.Should().BeEmpty();
        _harness.Change(PortMonitor, HealthState.Error, HealthState.Success)!.Should().Match<Alert>(a => a.Id == open.Id && a.ResolutionState == 255);
        _harness.Manager.OpenAlerts.Should().BeEmpty();
    }

    [Fact]
    public void Load_AfterRestart_SuppressedRuleAlertKeepsCountingAndUnsuppressedOnesStayNew()
    {
        var suppressed = _harness.Raise(hasSuppression: true, "W3SVC")!;
        _harness.Raise(hasSuppression: true, "W3SVC");
        var emptySuppression = _harness.Raise(hasSuppression: true)!;
        _harness.Raise(hasSuppression: false);

        _harness.Restart();

        _harness.Raise(hasSuppression: true, "W3SVC")!.Should().Match<Alert>(a => a.Id == suppressed.Id && a.RepeatCount == 2);
        _harness.Raise(hasSuppression: true)!.Should().Match<Alert>(a => a.Id == emptySuppression.Id && a.RepeatCount == 1);
        _harness.Raise(hasSuppression: false)!.RepeatCount.Should().Be(0);
        _harness.Manager.OpenAlerts.Should().HaveCount(4);
    }

    [Fact]
    public void Load_CustomResolutionStates_AreKeptAndUsable()
    {
        _harness.Manager.AddResolutionState(12, "Waiting for vendor", new OperationsBatch());
        var alert = _harness.Raise(hasSuppression: false)!;

        _harness.Restart();

        _harness.Manager.ResolutionStates.Should().Contain(new ResolutionState(12, "Waiting for vendor"));
        _harness.Update(alert.Id, new AlertPatch { ResolutionState = 12 }).ResolutionState.Should().Be(12);
    }

    [Fact]
    public void Load_TwoOpenAlertsForOneMonitorAndObject_TheNewerTakesTheStateChanges()
    {
        var older = _harness.Change(PortMonitor, HealthState.Success, HealthState.Error)!;
        var newer = older with { Id = Guid.Parse("9d6182da-b4c5-46d7-82e3-5e6f708192a3"), TimeRaised = older.TimeRaised.AddMinutes(5) };
        var manager = _harness.NewManager();

        manager.Load(new OperationsSnapshot([], [newer, older], [], []));

        manager.OpenAlertOf(PortMonitor, _harness.Service.Id)!.Id.Should().Be(newer.Id);
        manager.OpenAlerts.Should().HaveCount(2);
    }
}
