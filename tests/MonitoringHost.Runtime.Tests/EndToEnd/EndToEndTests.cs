namespace MonitoringHost.Runtime.Tests.EndToEnd;

public sealed class EndToEndTests
{
    [Fact]
    public async Task Pack_DiscoversEndpoints_MonitorsTheirPorts_AlertsOnTheClosedOne_AsOverridesSay()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        await harness.DiscoverComputerAsync();

        // The discoveries run at once for the new computer and find both endpoints; their workflows start with them.
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        var endpoints = harness.Space.OfClass("Test.EndToEnd.Endpoint");
        endpoints.Select(e => (e.Id, e.Path)).Should().BeEquivalentTo([
            (harness.OpenEndpoint, $"{EndToEndHarness.Computer};open"),
            (harness.ClosedEndpoint, $"{EndToEndHarness.Computer};closed")]);
        harness.Space.ClaimsOn(harness.OpenEndpoint).Should().ContainSingle().Which.Should().StartWith("discovery:Test.EndToEnd.Open.Discovery:");

        await harness.AdvanceAsync(TimeSpan.FromSeconds(360));

        // Monitors: the real TCP check through the two ExpressionFilters puts each in its state; the web server answers.
        var computer = harness.Space.OfClass("Microsoft.Windows.Computer").Single().Id;
        harness.StateChanges.Select(c => (c.TargetId, c.State)).Should().BeEquivalentTo([(harness.OpenEndpoint, "Open"), (harness.ClosedEndpoint, "NotOpen"), (computer, "Answers")]);
        int Runs(Guid endpoint, string workflow) => harness.Host.InstancesOf(endpoint).Single(i => i.Workflow.Element.Id == workflow).Runs;
        Runs(harness.OpenEndpoint, "Test.EndToEnd.Port.Monitor").Should().Be(12, "an instance override (30 s) beats the class override");
        Runs(harness.ClosedEndpoint, "Test.EndToEnd.Port.Monitor").Should().Be(6, "a group override (60 s) beats the class override (120 s)");
        Runs(harness.ClosedEndpoint, "Test.EndToEnd.NotOpen.Alert").Should().Be(4, "the enforced 90 s override beats the later 45 s one");

        // The alert rule: two failed checks in a row per alert (SuppressionSettings), only on the closed endpoint.
        var closedPort = harness.Space.Get(harness.ClosedEndpoint)!["Port"]!;
        harness.Sinks.Alerts.Select(a => (a.TargetId, a.Name, a.Description, a.Priority, a.Severity, string.Join(",", a.Suppression))).Should().Equal(
            Enumerable.Repeat((harness.ClosedEndpoint, "Port not open", "Endpoint closed did not accept a connection (status 2147952461).", 1, 2, closedPort), 2));

        // Remotable="false" never runs on an agentless-managed computer; the effective view says why.
        harness.Host.InstancesOf(harness.OpenEndpoint).Select(i => i.Workflow.Element.Id).Should().BeEquivalentTo(["Test.EndToEnd.Port.Monitor"]);
        var open = harness.Host.Effective(harness.Space.Get(harness.OpenEndpoint)!).ToDictionary(v => v.WorkflowId);
        open["Test.EndToEnd!Test.EndToEnd.LocalOnly"].Reason.Should().StartWith("not remotable");
        open["Test.EndToEnd!Test.EndToEnd.NotOpen.Alert"].Reason.Should().Be("disabled by override Test.EndToEnd!Test.EndToEnd.Alert.OffForOpen");
        open["Test.EndToEnd!Test.EndToEnd.Port.Monitor"].Settings.Single(s => s.Parameter == "IntervalSeconds")
            .Should().Match<Overrides.EffectiveSetting>(s => s.Value == "30" && s.OverrideId == "Test.EndToEnd!Test.EndToEnd.Monitor.OpenEvery30" && s.Level == Overrides.OverrideLevel.Instance);
        var closed = harness.Host.Effective(harness.Space.Get(harness.ClosedEndpoint)!).ToDictionary(v => v.WorkflowId);
        closed["Test.EndToEnd!Test.EndToEnd.NotOpen.Alert"].Settings.Single(s => s.Module == "DS" && s.Parameter == "IntervalSeconds")
            .Should().Match<Overrides.EffectiveSetting>(s => s.Value == "90" && s.Enforced && s.OverrideId == "Test.EndToEnd!Test.EndToEnd.Alert.Every90Enforced");
        harness.Host.Problems.Should().BeEmpty();

        // The web server starts failing: the HTTP monitor follows within one interval.
        harness.Web.Fail();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60));
        harness.StateChanges.Where(c => c.TargetId == computer).Select(c => c.State).Should().Equal("Answers", "Fails");
        harness.Web.Requests.Should().Be(7, "one request a minute for the seven minutes the computer has existed, the last one failing");
    }
}
