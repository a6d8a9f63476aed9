using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Maintenance;
using MonitoringHost.Storage;

namespace MonitoringHost.Runtime.Tests.Operations;

/// <summary>Health, alerts and maintenance over real workflows, a real listener and a real SQLite store, on a fake clock.</summary>
public sealed class OperationsEngineTests
{
    private const string PortMonitor = "Test.Alerts.Port.Monitor";

    /// <summary>Alerts of the port monitor (the pack's other monitors check the same port, with other alert settings).</summary>
    private static bool OfPortMonitor(Alert alert) => alert.IsMonitorAlert && alert.RuleOrMonitorId.EndsWith(PortMonitor, StringComparison.Ordinal);

    private static async Task<List<Alert>> PortAlertsAsync(OperationsHarness harness) =>
        [.. (await harness.Engine.OpenAlertsAsync()).Where(OfPortMonitor)];

    private static async Task<List<Alert>> StoredAlertsAsync(OperationsHarness harness) =>
        [.. (await harness.Store.ReadAlertsAsync(new AlertQuery(Limit: 5000), CancellationToken.None)).Items];

    private static async Task<Dictionary<string, int>> FeedCountsAsync(OperationsHarness harness) =>
        (await harness.Space.ReadFeedAsync(0, 100_000, CancellationToken.None)).GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task FlappingMonitor_OneOpenAlertAtATime_EachAutoResolved_AndTheFeedMatchesTheTables()
    {
        await using var harness = await OperationsHarness.StartAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(61));
        (await harness.Engine.StateAsync(harness.Service, PortMonitor)).Should().Be(HealthState.Success);

        for (var flap = 0; flap < 3; flap++)
        {
            harness.Listen(false);
            await harness.AdvanceAsync(TimeSpan.FromSeconds(60));
            (await harness.Engine.StateAsync(harness.Service, PortMonitor)).Should().Be(HealthState.Error);
            var open = await PortAlertsAsync(harness);
            open.Should().ContainSingle().Which.Severity.Should().Be(2);

            harness.Listen(true);
            await harness.AdvanceAsync(TimeSpan.FromSeconds(60));
            (await PortAlertsAsync(harness)).Should().BeEmpty("a return to Success auto-resolves");
        }

        var stored = await StoredAlertsAsync(harness);
        var monitorAlerts = stored.Where(OfPortMonitor).ToList();
        monitorAlerts.Should().HaveCount(3).And.OnlyContain(a => a.ResolutionState == Alert.Closed && a.ResolvedBy == "System" && a.MonitoringObjectId == harness.Service);
        monitorAlerts.Select(a => a.Name).Distinct().Should().ContainSingle();

        // The rule raised its alert every minute: one alert, repeated (its count starts at 0).
        var ruleAlert = stored.Where(a => !a.IsMonitorAlert).Should().ContainSingle().Subject;
        ruleAlert.RepeatCount.Should().Be(6, "the rule ran seven times in 7 minutes and the first raised the alert");
        ruleAlert.Context.Should().StartWith("<DataItem type=\"System.TriggerData\" time=\"2026-11-30T10:00:", "the rule's trigger raised it");
        monitorAlerts.Should().OnlyContain(a => a.Context!.StartsWith("<DataItem type=\"Microsoft.SystemCenter.SyntheticTransactions.TCPPortCheckData\"", StringComparison.Ordinal), "the failed check caused each");

        var feed = await FeedCountsAsync(harness);
        feed["alert.created"].Should().Be(stored.Count);
        feed["alert.updated"].Should().Be(stored.Sum(a => (int)a.Version - 1), "every update of an alert is one feed entry");
        var history = await Task.WhenAll(stored.Select(a => harness.Store.ReadAlertHistoryAsync(a.Id, CancellationToken.None)));
        history.Sum(h => h.Count).Should().Be(feed["alert.updated"]);
        feed["health.changed"].Should().BeGreaterThanOrEqualTo(7, "the port monitor changed 7 times, and its rollups with it");
    }

    [Fact]
    public async Task Restart_KeepsStatesAndOpenAlerts_AndRaisesNoDuplicate()
    {
        await using var harness = await OperationsHarness.StartAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(61));
        harness.Listen(false);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60));
        var before = (await PortAlertsAsync(harness)).Single();
        var entity = (await harness.Engine.SummaryAsync(harness.Service))!.HealthState;

        await harness.RestartAsync();

        (await harness.Engine.StateAsync(harness.Service, PortMonitor)).Should().Be(HealthState.Error);
        (await harness.Engine.SummaryAsync(harness.Service))!.HealthState.Should().Be(entity);
        (await PortAlertsAsync(harness)).Should().ContainSingle().Which.Id.Should().Be(before.Id);

        // The restarted workflows see the port closed again: the monitor is in Error already, so nothing new.
        await harness.AdvanceAsync(TimeSpan.FromSeconds(120));
        (await StoredAlertsAsync(harness)).Where(OfPortMonitor).Should().ContainSingle().Which.ResolutionState.Should().Be(Alert.New);

        harness.Listen(true);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60));
        (await harness.Engine.AlertAsync(before.Id))!.ResolutionState.Should().Be(Alert.Closed, "the alert raised before the restart auto-resolves after it");
    }

    [Fact]
    public async Task RecursiveMaintenance_SuppressesTheHostedServicesAlert_AndLeavingReEvaluatesAtOnce()
    {
        await using var harness = await OperationsHarness.StartAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(61));

        var change = await harness.Engine.StartMaintenanceAsync(harness.Computer, harness.Time.GetUtcNow().AddHours(1), MaintenanceReason.PlannedHardwareMaintenance, "disks", "ops");

        // What was raised until maintenance took effect (a step queued before the start is committed before it).
        var alertsBefore = await StoredAlertsAsync(harness);
        change.Entered.Should().BeEquivalentTo([harness.Computer, harness.Service]);
        (await harness.Engine.SummaryAsync(harness.Service))!.InMaintenance.Should().BeTrue();
        harness.Listen(false);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(180));

        (await StoredAlertsAsync(harness)).Should().BeEquivalentTo(alertsBefore, "no alerts for objects in maintenance, and the rule does not run");
        (await harness.Engine.StateAsync(harness.Service, PortMonitor)).Should().Be(HealthState.Success, "its workflows do not run in maintenance");
        (await harness.Store.ReadMaintenanceAsync(CancellationToken.None)).Should().HaveCount(2);

        await harness.Engine.StopMaintenanceAsync(harness.Computer, "ops");
        await harness.AdvanceAsync(TimeSpan.FromSeconds(2));

        (await harness.Engine.StateAsync(harness.Service, PortMonitor)).Should().Be(HealthState.Error, "on leaving, the monitor runs at once and sees the port closed");
        (await PortAlertsAsync(harness)).Should().ContainSingle().Which.MonitoringObjectId.Should().Be(harness.Service);
        (await harness.Store.ReadMaintenanceAsync(CancellationToken.None)).Should().BeEmpty();
        var feed = await FeedCountsAsync(harness);
        (feed["maintenance.started"], feed["maintenance.ended"]).Should().Be((2, 2));
    }

    [Fact]
    public async Task ClosingAMonitorAlertByHand_LeavesTheMonitor_AndResetHealthResolvesIt()
    {
        await using var harness = await OperationsHarness.StartAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(61));
        harness.Listen(false);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60));
        var alert = (await PortAlertsAsync(harness)).Single();

        var closed = await harness.Engine.UpdateAlertAsync(alert.Id, new AlertPatch { ResolutionState = Alert.Closed, Comment = "known" }, new ChangeAuthor("alice", ChangeAuthorKind.User), alert.Version);

        closed.ResolvedBy.Should().Be("alice");
        (await harness.Engine.StateAsync(harness.Service, PortMonitor)).Should().Be(HealthState.Error, "closing the alert leaves the monitor alone");
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60));
        (await PortAlertsAsync(harness)).Should().BeEmpty("the monitor stays in Error: no new state change, no new alert");

        (await harness.Engine.ResetMonitorAsync(harness.Service, PortMonitor)).Should().Be(MonitoringHost.Runtime.Health.MonitorApplyOutcome.Changed);
        (await harness.Engine.StateAsync(harness.Service, PortMonitor)).Should().Be(HealthState.Success);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60));
        (await harness.Engine.StateAsync(harness.Service, PortMonitor)).Should().Be(HealthState.Error, "the next detection is reported again after a reset");
        (await PortAlertsAsync(harness)).Should().ContainSingle().Which.Id.Should().NotBe(alert.Id);
    }

    [Fact]
    public async Task StoredSchedule_PutsTheComputerInMaintenanceWhenItsWindowComes_AfterARestart()
    {
        await using var harness = await OperationsHarness.StartAsync();
        var schedule = new MaintenanceSchedule(Guid.NewGuid(), "patching", "5 10 * * *", "UTC", TimeSpan.FromMinutes(10), [harness.Computer],
            Recursive: true, MaintenanceReason.PlannedOperatingSystemReconfiguration, "monthly patches", Enabled: true, OperationsHarness.Start, OperationsHarness.Start);
        await harness.Store.SaveMaintenanceScheduleAsync(schedule, CancellationToken.None);
        await harness.RestartAsync();

        await harness.AdvanceAsync(TimeSpan.FromMinutes(4));
        (await harness.Engine.MaintenanceAsync()).Should().BeEmpty();
        await harness.AdvanceAsync(TimeSpan.FromMinutes(2));

        var windows = await harness.Engine.MaintenanceAsync();
        windows.Select(w => w.ObjectId).Should().BeEquivalentTo([harness.Computer, harness.Service]);
        windows.Should().OnlyContain(w => w.Start == OperationsHarness.Start.AddMinutes(5) && w.Until == OperationsHarness.Start.AddMinutes(15) && w.By == "schedule:patching");
        (await harness.Engine.SummaryAsync(harness.Service))!.InMaintenance.Should().BeTrue();
        await harness.AdvanceAsync(TimeSpan.FromMinutes(10));
        (await harness.Engine.MaintenanceAsync()).Should().BeEmpty("the window lasts ten minutes");
        (await harness.Store.ReadMaintenanceAsync(CancellationToken.None)).Should().BeEmpty();
    }
}
