using MonitoringHost.Discovery.Data;

namespace MonitoringHost.Runtime.Tests.Hosting;

public sealed class WorkflowHostMaintenanceTests
{
    private static ObjectData Computer(string name) =>
        new("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = name, ["NetworkName"] = name });

    [Fact]
    public async Task SuspendedObject_RunsNothing_OthersRunOnTime_AndOnResumeItRunsAtOnce()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        await harness.DiscoverAsync(Computer("a.contoso.com"), Computer("b.contoso.com"));
        var a = harness.Space.OfClass("Microsoft.Windows.Computer").Single(c => c.Path == "a.contoso.com").Id;
        List<Recorded> Heartbeats(string path) => [.. harness.Records.Where(r => r.WorkflowId == "Test.Runtime!Test.Runtime.Computer.Heartbeat" && r.TargetPath == path)];

        harness.Host.Suspend([a]);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(180));

        harness.Host.IsSuspended(a).Should().BeTrue();
        Heartbeats("a.contoso.com").Should().BeEmpty();
        Heartbeats("b.contoso.com").Should().HaveCount(3);

        var resumed = harness.Time.GetUtcNow();
        harness.Host.Resume([a]);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        Heartbeats("a.contoso.com").Should().ContainSingle().Which.Time.Should().Be(resumed.AddSeconds(1), "the object's workflows run at the first tick after maintenance");
        await harness.AdvanceAsync(TimeSpan.FromSeconds(120));
        Heartbeats("a.contoso.com").Should().HaveCount(3, "then on their schedule again");
    }
}
