using System.Collections.Immutable;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Modules;
using static MonitoringHost.Runtime.Tests.Alerts.AlertHarness;

namespace MonitoringHost.Runtime.Tests.Alerts;

public sealed class AlertManagerRuleTests
{
    private readonly AlertHarness _harness = new();

    [Fact]
    public void Raise_FirstRequest_CreatesRuleAlertWithTheRulesGuidAndCategory()
    {
        var alert = _harness.Raise(hasSuppression: true, "W3SVC")!;

        var now = _harness.Time.GetUtcNow();
        alert.Should().BeEquivalentTo(new
        {
            Name = "Tick",
            Description = "Tick on W3SVC",
            Severity = 2,
            Priority = 1,
            Category = "Alert",
            IsMonitorAlert = false,
            RuleOrMonitorId = "Test.Alerts.Rule",
            ProblemId = ElementGuid("Test.Alerts.Rule"),
            MonitoringObjectId = _harness.Service.Id,
            MonitoringClassId = "Test.Alerts.Service",
            RepeatCount = 0,
            HasSuppression = true,
            TimeRaised = now.AddSeconds(-5),
            TimeAdded = now,
            Version = 1L,
        });
        alert.Suppression.Should().Equal("W3SVC");
        alert.Parameters.Should().Equal("W3SVC");
        _harness.Batch.CreatedAlerts.Should().Equal(alert);
    }

    [Fact]
    public void Raise_SuppressedRuleFiredFiveTimes_IsOneAlertWithRepeatCountFour()
    {
        var first = _harness.Raise(hasSuppression: true, "W3SVC", "8080")!;
        var histories = new List<AlertHistoryEntry>();
        for (var i = 1; i < 5; i++)
        {
            var repeated = _harness.Raise(hasSuppression: true, "W3SVC", "8080")!;
            repeated.Id.Should().Be(first.Id);
            _harness.Batch.CreatedAlerts.Should().BeEmpty();
            histories.Add(_harness.Batch.UpdatedAlerts.Should().ContainSingle().Subject.History);
        }

        var alert = _harness.Manager.Get(first.Id)!;
        (alert.RepeatCount, alert.Version, alert.LastModified, alert.LastModifiedBy, alert.TimeRaised)
            .Should().Be((4, 5L, _harness.Time.GetUtcNow(), "System", first.TimeRaised));
        histories.Select(h => h.Changes["repeatCount"]).Should().Equal(new FieldChange("0", "1"), new FieldChange("1", "2"), new FieldChange("2", "3"), new FieldChange("3", "4"));
        histories.Should().AllSatisfy(h => (h.Changes.Count, h.By, h.Comment).Should().Be((1, ChangeAuthor.System, (string?)null)));
        _harness.Manager.OpenAlerts.Should().ContainSingle();
    }

    [Fact]
    public void Raise_DifferentSuppressionValues_AreSeparateAlerts()
    {
        var a = _harness.Raise(hasSuppression: true, "W3SVC", "8080")!;
        var b = _harness.Raise(hasSuppression: true, "W3SVC", "8081")!;
        var c = _harness.Raise(hasSuppression: true, "W3SVC8", "080")!;

        new[] { a.Id, b.Id, c.Id }.Should().OnlyHaveUniqueItems();
        _harness.Manager.OpenAlerts.Select(x => x.RepeatCount).Should().Equal(0, 0, 0);
    }

    [Fact]
    public void Raise_EmptySuppression_RepeatsByRuleAndObject()
    {
        var first = _harness.Raise(hasSuppression: true)!;

        var second = _harness.Raise(hasSuppression: true)!;

        (second.Id, second.RepeatCount).Should().Be((first.Id, 1));
    }

    [Fact]
    public void Raise_NoSuppression_MakesEveryRequestANewAlert()
    {
        var alerts = Enumerable.Range(0, 3).Select(_ => _harness.Raise(hasSuppression: false)!).ToList();

        alerts.Select(a => a.Id).Should().OnlyHaveUniqueItems();
        alerts.Should().AllSatisfy(a => (a.RepeatCount, a.HasSuppression).Should().Be((0, false)));
        _harness.Manager.OpenAlerts.Should().HaveCount(3);
    }

    [Fact]
    public void Raise_SameValuesForAnotherObject_IsAnotherAlert()
    {
        var onService = _harness.Raise(hasSuppression: true, "x")!;
        _harness.Step();

        var onComputer = _harness.Manager.Raise(
            new AlertRequest(Rule, _harness.Computer.Id, "Tick", "", 1, 2, ["x"], _harness.Time.GetUtcNow()) { HasSuppression = true },
            _harness.Batch)!;

        onComputer.Id.Should().NotBe(onService.Id);
        (onComputer.MonitoringObjectId, onComputer.RepeatCount).Should().Be((_harness.Computer.Id, 0));
    }

    [Fact]
    public void Raise_AfterTheSuppressedAlertWasClosed_CreatesANewAlert()
    {
        var first = _harness.Raise(hasSuppression: true, "x")!;
        _harness.Update(first.Id, new AlertPatch { ResolutionState = 255 });

        var second = _harness.Raise(hasSuppression: true, "x")!;

        second.Id.Should().NotBe(first.Id);
        second.RepeatCount.Should().Be(0);
        _harness.Manager.Get(first.Id)!.RepeatCount.Should().Be(0);
    }

    [Fact]
    public void Raise_ObjectInMaintenance_NeitherRaisesNorRepeats()
    {
        var open = _harness.Raise(hasSuppression: true, "x")!;
        _harness.Maintenance.Add(_harness.Service.Id);

        _harness.Raise(hasSuppression: true, "x").Should().BeNull();
        _harness.Raise(hasSuppression: false).Should().BeNull();

        _harness.Batch.IsEmpty.Should().BeTrue();
        _harness.Manager.OpenAlerts.Should().Equal(open);
    }

    [Fact]
    public void Raise_ObjectNoLongerInTheInstanceSpace_RaisesNothing()
    {
        _harness.Objects.Remove(_harness.Service.Id);

        _harness.Raise(hasSuppression: true, "x").Should().BeNull();

        _harness.Batch.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Raise_RuleNotInThePacks_StillRaisesWithoutProblemIdOrCategory()
    {
        _harness.Step();

        var alert = _harness.Manager.Raise(new AlertRequest("Other!Other.Rule", _harness.Service.Id, "n", "d", 0, 0, [], _harness.Time.GetUtcNow()), _harness.Batch)!;

        (alert.RuleOrMonitorId, alert.ProblemId, alert.Category).Should().Be(("Other.Rule", Guid.Empty, (string?)null));
    }

    [Fact]
    public void Create_SdkAlert_IsCreatedByTheAuthorWithItsFields()
    {
        _harness.Step();
        _harness.Maintenance.Add(_harness.Service.Id);
        var request = new NewAlert(_harness.Service.Id, "Runbook failed", "Restart-Service did not finish", Severity: 2, Priority: 2)
        {
            Owner = "ops",
            TicketId = "INC0012",
            CustomFields = ImmutableDictionary<int, string>.Empty.Add(2, "runbook-7"),
        };

        var alert = _harness.Manager.Create(request, new ChangeAuthor("orchestrator", ChangeAuthorKind.Connector), _harness.Batch);

        alert.Should().BeEquivalentTo(new
        {
            Name = "Runbook failed",
            Description = "Restart-Service did not finish",
            Severity = 2,
            Priority = 2,
            Owner = "ops",
            TicketId = "INC0012",
            IsMonitorAlert = false,
            RuleOrMonitorId = "orchestrator",
            LastModifiedBy = "orchestrator",
            ProblemId = Guid.Empty,
            MonitoringObjectPath = "web01.contoso.com;W3SVC",
            TimeRaised = _harness.Time.GetUtcNow(),
        });
        alert.CustomFields.Should().Equal(null, "runbook-7", null, null, null, null, null, null, null, null);
        _harness.Batch.CreatedAlerts.Should().Equal(alert);
    }

    [Fact]
    public void Create_BadValues_ListsEveryProblem()
    {
        var request = new NewAlert(_harness.Service.Id, " ", "", Severity: 3, Priority: -1)
        {
            CustomFields = ImmutableDictionary<int, string>.Empty.Add(11, "x").Add(0, "y"),
        };

        var create = () => _harness.Manager.Create(request, Operator, _harness.Batch);

        create.Should().Throw<InvalidAlertChangeException>().Which.Problems.Should().Equal(
            "an alert needs a name",
            "severity 3 is not 0 (Information), 1 (Warning) or 2 (Error)",
            "priority -1 is not 0 (Low), 1 (Normal) or 2 (High)",
            "customField0 is not a field (customField1 to customField10)",
            "customField11 is not a field (customField1 to customField10)");
        _harness.Batch.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Create_UnknownObject_ThrowsNamingIt()
    {
        var id = Guid.Parse("5f2d4e96-7081-4293-8eaf-1a2b3c4d5e6f");

        var create = () => _harness.Manager.Create(new NewAlert(id, "n", "d", 1, 1), Operator, _harness.Batch);

        create.Should().Throw<MonitoringObjectNotFoundException>().Which.ObjectId.Should().Be(id);
    }
}
