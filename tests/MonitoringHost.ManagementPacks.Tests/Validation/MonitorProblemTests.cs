using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>
/// Monitor and workflow problems (MP017x): the base pack's unit monitor or discovery broken in one way reports exactly
/// that code, where it is.
/// <code>
/// MP0170 UnknownOperationalState          OperationalStateOfUndeclaredState_IsUnknownOperationalState_AtTheState
/// MP0171 UnmappedMonitorTypeState         MonitorTypeStateWithoutOperationalState_IsUnmappedMonitorTypeState_AtTheMonitor
/// MP0172 ParentMonitorNotApplicable       ParentTargetingAnotherClass_IsParentMonitorNotApplicable_AtTheMonitor
/// MP0173 DiscoveryOutputNotDiscoveryData  DiscoveryFedByATrigger_IsDiscoveryOutputNotDiscoveryData_AtTheDataSource
/// MP0174 InvalidHealthState               OperationalStateWithUnknownHealth_IsInvalidHealthState_AtTheState
/// </code>
/// </summary>
public sealed class MonitorProblemTests
{
    private const string FailingState = """<OperationalState ID="Failing" MonitorTypeStateID="Unhealthy" HealthState="Error" />""";

    [Fact]
    [Covers(ProblemCodes.UnknownOperationalState)]
    public void OperationalStateOfUndeclaredState_IsUnknownOperationalState_AtTheState()
    {
        const string degraded = """<OperationalState ID="Degraded" MonitorTypeStateID="Slow" HealthState="Warning" />""";
        var xml = TestPacks.With((FailingState, FailingState + degraded));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnknownOperationalState);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, degraded), TestPacks.MonitorId));
        problem.Message.Should().Contain("'Slow'").And.Contain(TestPacks.MonitorTypeId);
    }

    [Fact]
    [Covers(ProblemCodes.UnmappedMonitorTypeState)]
    public void MonitorTypeStateWithoutOperationalState_IsUnmappedMonitorTypeState_AtTheMonitor()
    {
        var xml = TestPacks.With((FailingState, ""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.UnmappedMonitorTypeState);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<UnitMonitor ID="), TestPacks.MonitorId));
        problem.Message.Should().Contain("'Unhealthy'");
    }

    [Fact]
    [Covers(ProblemCodes.ParentMonitorNotApplicable)]
    public void ParentTargetingAnotherClass_IsParentMonitorNotApplicable_AtTheMonitor()
    {
        var xml = TestPacks.With(
            ("""ParentMonitorID="Health!System.Health.AvailabilityState" Remotable="true" Priority="Normal" TypeID""", """ParentMonitorID="Test.Pack.Computer.Rollup" Remotable="true" Priority="Normal" TypeID"""),
            ("</Monitors>", """
                  <AggregateMonitor ID="Test.Pack.Computer.Rollup" Accessibility="Public" Enabled="true" Target="Windows!Microsoft.Windows.Computer" ParentMonitorID="Health!System.Health.AvailabilityState" Remotable="true" Priority="Normal">
                    <Category>AvailabilityHealth</Category>
                    <Algorithm>WorstOf</Algorithm>
                  </AggregateMonitor>
                </Monitors>
            """.Trim()));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.ParentMonitorNotApplicable);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, "<UnitMonitor ID="), TestPacks.MonitorId));
        problem.Message.Should().Contain("targets Microsoft.Windows.Computer").And.Contain("target Test.Pack.Application");
    }

    [Fact]
    [Covers(ProblemCodes.DiscoveryOutputNotDiscoveryData)]
    public void DiscoveryFedByATrigger_IsDiscoveryOutputNotDiscoveryData_AtTheDataSource()
    {
        var xml = TestPacks.With(
            ("""<DataSource ID="DS" TypeID="Test.Pack.Application.DiscoveryProvider">""", """<DataSource ID="DS" TypeID="System!System.SimpleScheduler">"""),
            ("<Frequency>3600</Frequency>", "<IntervalSeconds>3600</IntervalSeconds>"),
            ("""Module="DS" Parameter="Frequency">""", """Module="DS" Parameter="IntervalSeconds">"""));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.DiscoveryOutputNotDiscoveryData);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<DataSource ID="DS" """), TestPacks.DiscoveryId));
        problem.Message.Should().Contain("System.SimpleScheduler outputs System.TriggerData");
    }

    [Fact]
    [Covers(ProblemCodes.InvalidHealthState)]
    public void OperationalStateWithUnknownHealth_IsInvalidHealthState_AtTheState()
    {
        var xml = TestPacks.With((FailingState, FailingState.Replace("\"Error\"", "\"Critical\"", StringComparison.Ordinal)));

        var outcome = PackCheck.Check(xml);

        var problem = outcome.SingleError(ProblemCodes.InvalidHealthState);
        (problem.Location, problem.ElementId).Should().Be((Where.Element(xml, """<OperationalState ID="Failing" """), TestPacks.MonitorId));
        problem.Message.Should().Contain("'Critical'");
    }
}
