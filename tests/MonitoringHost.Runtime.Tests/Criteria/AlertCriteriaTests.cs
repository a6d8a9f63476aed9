using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Criteria;

namespace MonitoringHost.Runtime.Tests.Criteria;

public sealed class AlertCriteriaTests
{
    private static readonly DateTimeOffset Raised = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static readonly Alert Disk = new()
    {
        Id = Guid.NewGuid(),
        Name = "Logical disk free space is low",
        Description = "C: has 3% free",
        Severity = 2,
        Priority = 1,
        ResolutionState = 249,
        MonitoringObjectId = Guid.NewGuid(),
        MonitoringObjectDisplayName = "C:",
        MonitoringObjectPath = "web01.contoso.com",
        MonitoringClassId = "Microsoft.Windows.Server.LogicalDisk",
        IsMonitorAlert = true,
        RuleOrMonitorId = "Microsoft.Windows.Server.FreeSpace",
        ProblemId = Guid.NewGuid(),
        Owner = "ann",
        CustomFields = ["INC1", null, null, null, null, null, null, null, null, "last"],
        TimeRaised = Raised,
        TimeAdded = Raised,
        LastModified = Raised,
        LastModifiedBy = "System",
    };

    private static bool Matches(string criteria) =>
        AlertCriteria.Schema([new ResolutionState(249, "Acknowledged")]).Compile(criteria)(Disk);

    [Theory]
    [InlineData("Severity = 'Error'")]
    [InlineData("Severity = 2")]
    [InlineData("severity = 'critical'")]
    [InlineData("Priority = 'Normal'")]
    [InlineData("ResolutionState <> 255")]
    [InlineData("ResolutionState = 'Acknowledged'")]
    [InlineData("ResolutionState != 'Closed'")]
    [InlineData("Name = 'logical disk free space is low' AND Owner = 'ann'")]
    [InlineData("MonitoringRuleId LIKE '%FreeSpace'")]
    [InlineData("MonitoringObjectName = 'C:'")]
    [InlineData("MonitoringObjectFullName = 'Microsoft.Windows.Server.LogicalDisk:web01.contoso.com'")]
    [InlineData("MonitoringObjectId IS NOT NULL AND TicketId IS NULL")]
    [InlineData("CustomField1 = 'INC1' AND CustomField10 = 'last' AND CustomField2 IS NULL")]
    [InlineData("TimeRaised >= '2026-11-30T10:00:00Z' AND TimeRaised < '2026-11-30T10:00:01Z'")]
    [InlineData("IsMonitorAlert = true AND RepeatCount = 0 AND TimeResolved IS NULL")]
    public void Matches_WithScomFieldNames(string criteria) => Matches(criteria).Should().BeTrue(criteria);

    [Theory]
    [InlineData("Severity = 'Warning'")]
    [InlineData("ResolutionState = 0")]
    [InlineData("ResolutionState = 'New'")]
    [InlineData("Owner LIKE 'bob%'")]
    [InlineData("ConnectorId IS NOT NULL")]
    public void DoesNotMatch(string criteria) => Matches(criteria).Should().BeFalse(criteria);

    [Fact]
    public void ResolutionStates_TakeAnyNumberUpTo255_ButSeverityOnly0To2()
    {
        AlertCriteria.Schema().Compile("ResolutionState = 17")(Disk).Should().BeFalse();
        FluentActions.Invoking(() => AlertCriteria.Schema().Compile("ResolutionState = 256")).Should().Throw<CriteriaException>()
            .Which.Message.Should().Contain("New (0), Closed (255) (or a number from 0 to 255)");
        FluentActions.Invoking(() => AlertCriteria.Schema().Compile("Severity = 3")).Should().Throw<CriteriaException>()
            .Which.Problems.Single().Field.Should().Be("severity");
    }
}
