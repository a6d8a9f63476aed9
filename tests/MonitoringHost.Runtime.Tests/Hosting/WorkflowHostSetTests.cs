using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.ManagementPacks.Tests.Corpus;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Tests.Shared;
using static MonitoringHost.Runtime.Tests.Hosting.RuntimeHarness;

namespace MonitoringHost.Runtime.Tests.Hosting;

/// <summary>Sets of items (batches) through whole workflows in a running host.</summary>
public sealed class WorkflowHostSetTests
{
    private const string MultiInstanceFragment = "Monitor.Performance.MultiInstance.ConsecSamples.TwoState.mpx";

    private const string Breached = "ThresholdBreached";

    private const string NotBreached = "ThresholdNotBreached";

    [Fact]
    public async Task ASetFromASharedDataSource_ReachesEachLogicalSetFilterWhole_AndLeavesAsItsItems()
    {
        var probe = new SetProbeFactory();
        await using var harness = await RuntimeHarness.StartAsync(probe);
        await harness.DiscoverAsync(Computer("a.contoso.com"), Service("a.contoso.com", "web", 8080));

        await harness.AdvanceAsync(TimeSpan.FromSeconds(120));

        probe.Runs.Should().BeEquivalentTo(new Dictionary<string, int> { ["a=Down;b=Up"] = 2 }, "the Any and All rules share one data source (cookdown)");
        harness.Records.Where(r => r.WorkflowId.Contains(".Set.", StringComparison.Ordinal)).Select(r => r.Value)
            .Should().Equal(["Any:a", "Any:b", "Any:a", "Any:b"], "a is Down, so Any passes the whole set on, b included; All passes nothing");
        harness.Sinks.Outputs.Where(o => o.Instance.Workflow.Element.Id == "Test.Runtime.Service.Set.Any").Select(o => ((PropertyBagData)o.Item)["Name"])
            .Should().Equal("a", "b", "a", "b");
    }

    [SkippableFact]
    public async Task MultiInstanceMonitor_FromTheCorpus_JudgesEachReadOfAllInstancesAsOneSet()
    {
        var fragment = Path.Combine(RepositoryPaths.RequireCorpus(), "fragment-library", MultiInstanceFragment);
        var classes = RuntimeTestModel.Load(new ManagementPackReadOptions { TemplateValues = FragmentTemplateValues.Values }, RuntimeTestModel.Pack("Test.Runtime.xml"), fragment);
        var counters = new PerformanceDataProviderDouble();
        await using var harness = await RuntimeHarness.StartAsync(classes, counters);
        await harness.DiscoverAsync(Computer("a.contoso.com"), Service("a.contoso.com", "web", 8080));
        var service = harness.Space.OfClass("Test.Runtime.Service").Single();
        var monitor = harness.Host.InstancesOf(service.Id).Single(i => i.Workflow.Element.Id == "Contoso.App.Item1.Perf.Monitor");
        var source = monitor.Workflow.Modules.Single(m => m.IsSource).Index;
        counters.Bound.Should().Equal([("a.contoso.com", "Processor", "% Processor Time")]);

        // Threshold 80 (greater), 3 samples in a row; w3wp#1 stays low throughout. An empty read (no instance) comes first and after the breach.
        (string, double)[][] reads =
        [
            [],
            [("w3wp", 95), ("w3wp#1", 10)],
            [("w3wp", 95), ("w3wp#1", 10)],
            [("w3wp", 95), ("w3wp#1", 10)],
            [("w3wp", 95), ("w3wp#1", 10)],
            [],
            [("w3wp", 50), ("w3wp#1", 10)],
        ];
        var statesAfterEachRead = new List<string?>();
        foreach (var read in reads)
        {
            counters.Queue(read);
            await harness.Host.ExecuteAsync(monitor, source, new TriggerData(harness.Time.GetUtcNow()), CancellationToken.None);
            statesAfterEachRead.Add(monitor.MonitorTypeState);
        }

        statesAfterEachRead.Should().Equal(
            [NotBreached, NotBreached, NotBreached, Breached, Breached, NotBreached, NotBreached],
            "an empty set passes the All filter (Passthrough) and is blocked by the Any one; w3wp's third sample breaches, and w3wp#1's low samples in the same sets do not undo it");
        var changes = harness.Sinks.States.Where(s => s.Instance == monitor).ToList();
        changes.Select(s => s.State).Should().Equal(NotBreached, Breached, NotBreached);
        changes[0].Cause.Should().BeOfType<TriggerData>("the empty set that set the first state had no item");
        var breach = changes[1].Cause.Should().BeOfType<ConsecutiveSamplesData>().Which;
        (breach.Sample.InstanceName, breach.ConsecutiveSamples).Should().Be(("w3wp", 3L));
        monitor.LastError.Should().BeNull();
    }
}
