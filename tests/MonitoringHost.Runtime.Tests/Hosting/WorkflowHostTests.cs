using static MonitoringHost.Runtime.Tests.Hosting.RuntimeHarness;

namespace MonitoringHost.Runtime.Tests.Hosting;

public sealed class WorkflowHostTests
{
    [Fact]
    public async Task Rules_RunOncePerIntervalForEachTarget_BoundToTheirObject_AtSpreadOffsets()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        await harness.DiscoverAsync(Computer("a.contoso.com"), Computer("b.contoso.com"), Computer("c.contoso.com"), Service("a.contoso.com", "web", 8080), Service("b.contoso.com", "web", 8081));

        await harness.AdvanceAsync(TimeSpan.FromSeconds(300));

        var heartbeat = harness.Records.Where(r => r.WorkflowId == "Test.Runtime!Test.Runtime.Computer.Heartbeat").ToList();
        var ruleGuid = RuntimeTestModel.Classes.Packs["Test.Runtime"]!.GuidOf("Test.Runtime.Computer.Heartbeat");
        heartbeat.GroupBy(r => r.TargetPath).Should().HaveCount(3).And.OnlyContain(g => g.Count() == 5, "a 60 s rule runs five times in 300 s");
        heartbeat.Select(r => r.Value).Distinct().Should().BeEquivalentTo(
            $"a.contoso.com|{ruleGuid:D}|MonitoringHost", $"b.contoso.com|{ruleGuid:D}|MonitoringHost", $"c.contoso.com|{ruleGuid:D}|MonitoringHost");
        heartbeat.GroupBy(r => r.TargetPath).Select(g => g.Min(r => r.Time)).Distinct().Should().HaveCount(3, "each object runs at its own offset");
        foreach (var runs in heartbeat.GroupBy(r => r.TargetPath).Select(g => g.OrderBy(r => r.Time).ToList()))
        {
            runs.Zip(runs.Skip(1), (a, b) => b.Time - a.Time).Should().AllBeEquivalentTo(TimeSpan.FromSeconds(60));
        }

        harness.Records.Where(r => r.WorkflowId == "Test.Runtime!Test.Runtime.Service.Check").Select(r => r.Value)
            .Should().BeEquivalentTo(["a.contoso.com:8080", "b.contoso.com:8081"], "the host chain and the object's own property are bound");
    }

    [Fact]
    public async Task NonRemotable_Disabled_AndUnsupportedWorkflows_DoNotRun()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        await harness.DiscoverAsync(Computer("a.contoso.com"));

        await harness.AdvanceAsync(TimeSpan.FromSeconds(120));

        harness.Records.Select(r => r.WorkflowId).Distinct().Should().Equal("Test.Runtime!Test.Runtime.Computer.Heartbeat");
        harness.Host.Unsupported.Should().Equal("unsupported module type Test.Runtime!Test.Runtime.NotImplemented in workflow Test.Runtime!Test.Runtime.Computer.Unsupported");
        var computer = harness.Space.OfClass("Microsoft.Windows.Computer").Single();
        harness.Host.InstancesOf(computer.Id).Select(i => i.Workflow.Element.Id).Should().Equal("Test.Runtime.Computer.Heartbeat");
    }

    [Fact]
    public async Task ObjectsThatAppearOrGo_GainOrLoseTheirInstances()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        await harness.DiscoverAsync(Computer("a.contoso.com"));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60));

        await harness.DiscoverAsync(Computer("a.contoso.com"), Computer("b.contoso.com"));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(120));

        var heartbeat = harness.Records.Where(r => r.WorkflowId.EndsWith("Heartbeat", StringComparison.Ordinal)).ToList();
        heartbeat.Count(r => r.TargetPath == "a.contoso.com").Should().Be(3);
        heartbeat.Count(r => r.TargetPath == "b.contoso.com").Should().Be(2, "it runs from the moment it is discovered");
        var before = heartbeat.Count;
        var gone = harness.Space.OfClass("Microsoft.Windows.Computer").Single(c => c.Path == "a.contoso.com").Id;

        await harness.DiscoverAsync(Computer("b.contoso.com"));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(120));

        harness.Host.InstancesOf(gone).Should().BeEmpty();
        harness.Records.Where(r => r.WorkflowId.EndsWith("Heartbeat", StringComparison.Ordinal)).Skip(before).Select(r => r.TargetPath)
            .Should().Equal("b.contoso.com", "b.contoso.com");
    }

    [Fact]
    public async Task IdenticalDataSourcesOfOneObject_RunOnce_AndFeedEveryWorkflow()
    {
        var probe = new CountingProbeFactory();
        await using var harness = await RuntimeHarness.StartAsync(probe);
        await harness.DiscoverAsync(Computer("a.contoso.com"), Service("a.contoso.com", "web", 8080), Service("a.contoso.com", "db", 1433));

        await harness.AdvanceAsync(TimeSpan.FromSeconds(240));

        probe.Runs.Should().BeEquivalentTo(new Dictionary<string, int> { ["web"] = 2, ["db"] = 2, ["other"] = 4 },
            "rules A, B and C share one data source per service (cookdown); Other's differs");
        var shared = harness.Records.Where(r => r.WorkflowId.Contains(".Shared.", StringComparison.Ordinal) && !r.WorkflowId.EndsWith("Other", StringComparison.Ordinal)).ToList();
        shared.Should().HaveCount(12, "three rules, two services, two intervals");
        shared.Where(r => r.TargetPath.EndsWith(";web", StringComparison.Ordinal)).Select(r => r.Value).Should().BeEquivalentTo(["A:web#1", "B:web#1", "C:web#1", "A:web#2", "B:web#2", "C:web#2"]);
    }

    [Fact]
    public async Task ReplaceWorkflows_KeepsUnchangedInstances_AndRunsChangedOnesAtTheirPhase()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        await harness.DiscoverAsync(Computer("a.contoso.com"), Service("a.contoso.com", "web", 8080));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(300));
        var computer = harness.Space.OfClass("Microsoft.Windows.Computer").Single().Id;
        var service = harness.Space.OfClass("Test.Runtime.Service").Single().Id;
        var serviceInstances = harness.Host.InstancesOf(service);
        var heartbeatBefore = harness.Records.Where(r => r.WorkflowId.EndsWith("Heartbeat", StringComparison.Ordinal)).Select(r => r.Time).ToList();

        // The pack changes: the heartbeat every 120 s instead of 60 s; nothing else.
        var text = await File.ReadAllTextAsync(Path.Combine(MonitoringHost.Tests.Shared.RepositoryPaths.Root, "tests", "MonitoringHost.Runtime.Tests", "Packs", "Test.Runtime.xml"));
        var changed = text.Replace("<DataSource ID=\"DS\" TypeID=\"Test.Runtime.Heartbeat\">\n            <IntervalSeconds>60</IntervalSeconds>", "<DataSource ID=\"DS\" TypeID=\"Test.Runtime.Heartbeat\">\n            <IntervalSeconds>120</IntervalSeconds>", StringComparison.Ordinal);
        changed.Should().NotBe(text);
        var folder = Directory.CreateTempSubdirectory("mh-swap-").FullName;
        try
        {
            var path = Path.Combine(folder, "Test.Runtime.xml");
            await File.WriteAllTextAsync(path, changed);
            var packs = ManagementPacks.Loading.PackSetLoader.Load([path], ManagementPacks.Libraries.ShippedLibraries.Read(MonitoringHost.Tests.Shared.RepositoryPaths.Libraries).Packs).Packs;

            harness.Host.ReplaceWorkflows(new MonitoringHost.Runtime.Compilation.WorkflowCompiler(packs, harness.Modules));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        harness.Host.InstancesOf(service).Should().Equal(serviceInstances, "the service's workflows did not change");
        var heartbeat = harness.Host.InstancesOf(computer).Single(i => i.Workflow.Element.Id == "Test.Runtime.Computer.Heartbeat");
        heartbeat.Runs.Should().Be(5, "the replaced instance carries the runs of the one it replaces");
        await harness.AdvanceAsync(TimeSpan.FromSeconds(300));

        var heartbeatAfter = harness.Records.Where(r => r.WorkflowId.EndsWith("Heartbeat", StringComparison.Ordinal)).Select(r => r.Time).Skip(heartbeatBefore.Count).ToList();
        heartbeatAfter.Zip(heartbeatAfter.Skip(1), (a, b) => b - a).Should().OnlyContain(gap => gap == TimeSpan.FromSeconds(120));
        heartbeatAfter.Should().HaveCountGreaterThanOrEqualTo(2);
        ((heartbeatAfter[0] - heartbeatBefore[^1]).Ticks % TimeSpan.FromSeconds(60).Ticks).Should().Be(0, "the new instance keeps the old one's phase");
        harness.Records.Count(r => r.WorkflowId.EndsWith("Service.Check", StringComparison.Ordinal)).Should().Be(2, "the service's 300 s check ran on through the swap");
    }

    [Fact]
    public async Task AHungProbe_IsCancelledAtTheRunTimeout_WhileEveryOtherInstanceRunsOnTime()
    {
        var probe = new CountingProbeFactory();
        await using var harness = await RuntimeHarness.StartAsync(probe);
        await harness.DiscoverAsync(Computer("a.contoso.com"), Service("a.contoso.com", CountingProbeFactory.Hangs, 1), Service("a.contoso.com", "web", 8080));

        await harness.AdvanceWithWaitingRunsAsync(TimeSpan.FromSeconds(240), () => probe.Hanging);

        probe.Runs["web"].Should().Be(2, "the healthy service's shared probe ran every 120 s");
        probe.Runs[CountingProbeFactory.Hangs].Should().Be(2, "each hung run was cancelled after 60 s, so the next one started on time");
        var hung = harness.Host.InstancesOf(harness.Space.WithProperty("Test.Runtime.Service", "ServiceName", CountingProbeFactory.Hangs).Single().Id)
            .Where(i => i.Workflow.Element.Id.StartsWith("Test.Runtime.Service.Shared.", StringComparison.Ordinal) && !i.Workflow.Element.Id.EndsWith("Other", StringComparison.Ordinal))
            .ToList();
        hung.Should().NotBeEmpty().And.OnlyContain(i => i.Runs == 0);
        hung[0].LastError.Should().Be("the run took longer than 60 s and was cancelled");
        harness.Host.RunsFailed.Should().BeInRange(1, 2, "a run cancelled at its timeout is a failed run");
        harness.Host.RunsStarted.Should().BeGreaterThan(harness.Host.RunsFailed + 4, "the heartbeats and the healthy service ran too");
        harness.Host.RunCapacity.Should().Be(512);
        harness.Records.Count(r => r.WorkflowId.EndsWith("Heartbeat", StringComparison.Ordinal)).Should().Be(4, "the computer's heartbeat kept its 60 s schedule");
    }
}
