using System.Xml.Linq;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using static MonitoringHost.Runtime.Tests.Modules.Conditions.StateExpressions;
using static MonitoringHost.Runtime.Tests.Modules.Performance.ModuleHarness;

namespace MonitoringHost.Runtime.Tests.Hosting;

/// <summary>How the host hands items and sets to modules: sets whole to set-aware modules, item by item to the others.</summary>
public sealed class DeliveryTests
{
    private const string FreeSpace = """
        <ConditionDetection>
          <ObjectName>LogicalDisk</ObjectName>
          <CounterName>% Free Space</CounterName>
          <InstanceName>$Data/Property[@Name='Name']$</InstanceName>
          <Value>$Data/Property[@Name='Free']$</Value>
        </ConditionDetection>
        """;

    private static readonly DateTimeOffset SetTime = T0.AddMinutes(5);

    [Fact]
    public async Task RunAsync_AnItemOnItsOwn_GoesToTheModuleAsItIs()
    {
        var down = Bag(("State", "Down"));

        var output = await RunAsync(Filter(), Delivery.Of(down));

        output.Count.Should().Be(1);
        output[0].Item.Should().BeSameAs(down);
        output[0].Set.Should().BeNull();
    }

    [Fact]
    public async Task RunAsync_ASet_RunsAnOrdinaryModuleOnEachItem_AndWhatItOutputsIsOneSet()
    {
        var mapper = Create("System.Performance.DataGenericMapper", FreeSpace);
        var set = new DataItemSet(SetTime, [Bag(("Name", "C:"), ("Free", "12.5")), Bag(("Name", "D:"), ("Free", "n/a")), Bag(("Name", "E:"), ("Free", "80"))]);

        var output = await RunAsync(mapper, Delivery.Of(set));

        output.Count.Should().Be(1, "the mapper's samples for one set are delivered together");
        output[0].Item.Should().BeNull();
        var samples = output[0].Set!;
        samples.Time.Should().Be(SetTime);
        samples.Items.Cast<PerformanceData>().Select(s => (s.InstanceName, s.Value)).Should().Equal(("C:", 12.5), ("E:", 80d));
    }

    [Fact]
    public async Task RunAsync_ASetAnOrdinaryModuleKeepsNothingOf_EndsThere()
    {
        var output = await RunAsync(Filter(), Delivery.Of(new DataItemSet(SetTime, [Bag(("State", "Up")), Bag(("State", "Up"))])));

        output.Count.Should().Be(0, "as an item a filter drops ends the workflow, so does a set it drops entirely");
    }

    [Fact]
    public async Task RunAsync_AnEmptySet_PassesAnOrdinaryModuleUnchanged_WithoutRunningIt()
    {
        var probe = new SetProbeFactory();
        var empty = new DataItemSet(SetTime, []);

        var output = await RunAsync(probe.Create(ProbeSetup("a=Down")), Delivery.Of(empty));

        output.Count.Should().Be(1);
        output[0].Set.Should().BeSameAs(empty, "an empty set travels on to the set-aware modules after the probe");
        probe.Runs.Should().BeEmpty("there is no item to run the probe on");
    }

    [Fact]
    public async Task RunAsync_ASet_GoesWholeToASetAwareModule()
    {
        var all = Create("System.LogicalSet.ExpressionFilter", $"<ConditionDetection>{IsDown}<EmptySet>Block</EmptySet><SetEvaluation>All</SetEvaluation></ConditionDetection>");
        var allDown = new DataItemSet(SetTime, [Bag(("State", "Down")), Bag(("State", "Down"))]);

        var passed = await RunAsync(all, Delivery.Of(allDown));
        var blocked = await RunAsync(all, Delivery.Of(new DataItemSet(SetTime, [Bag(("State", "Down")), Bag(("State", "Up"))])));

        passed.Count.Should().Be(1);
        passed[0].Set.Should().BeSameAs(allDown);
        blocked.Count.Should().Be(0, "one item of the set is Up, which an item-by-item filter could not have seen");
    }

    [Fact]
    public async Task RunAsync_SetsAModuleEmitsForTheItemsOfASet_AreOneSet()
    {
        var probe = new SetProbeFactory();
        var triggers = new DataItemSet(SetTime, [new TriggerData(T0), new TriggerData(T0.AddSeconds(1))]);

        var output = await RunAsync(probe.Create(ProbeSetup("a=Down;b=Up")), Delivery.Of(triggers));

        output.Count.Should().Be(1);
        output[0].Set!.Items.Cast<PropertyBagData>().Select(b => b["Name"]).Should().Equal("a", "b", "a", "b");
        probe.Runs["a=Down;b=Up"].Should().Be(2);
    }

    [Fact]
    public void Cause_IsTheItem_ASetsFirstItem_OrForAnEmptySetItsTime()
    {
        var first = Bag(("State", "Down"));

        Delivery.Of(first).Cause.Should().BeSameAs(first);
        Delivery.Of(new DataItemSet(SetTime, [first, Bag(("State", "Up"))])).Cause.Should().BeSameAs(first);
        var nothing = Delivery.Of(new DataItemSet(SetTime, [])).Cause;
        nothing.Should().BeOfType<TriggerData>();
        nothing.Time.Should().Be(SetTime);
    }

    [Fact]
    public void DataItemSet_RefusesNullItems()
    {
        var create = () => new DataItemSet(SetTime, [Bag(("State", "Up")), null!]);

        create.Should().Throw<ArgumentException>().WithParameterName("items");
    }

    private static ModuleInstance Filter() => Create("System.ExpressionFilter", $"<ConditionDetection>{IsDown}</ConditionDetection>");

    private static PropertyBagData Bag(params (string Name, string Value)[] values) =>
        new(T0, values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    private static ModuleSetup ProbeSetup(string bags) => new()
    {
        Configuration = new ModuleConfiguration(new XElement("ProbeAction", new XElement("Bags", bags)), WorkflowId, "Probe"),
        WorkflowId = WorkflowId,
        ModuleId = "Probe",
        Target = Target,
        Services = Services(),
    };

    private static async Task<DeliveryCollector> RunAsync(ModuleInstance module, Delivery delivery)
    {
        var output = new DeliveryCollector();
        await delivery.RunAsync(module, output, CancellationToken.None);
        return output;
    }
}
