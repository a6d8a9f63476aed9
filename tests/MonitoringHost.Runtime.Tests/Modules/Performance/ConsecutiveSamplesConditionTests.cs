using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using static MonitoringHost.Runtime.Tests.Modules.Performance.ModuleHarness;

namespace MonitoringHost.Runtime.Tests.Modules.Performance;

public sealed class ConsecutiveSamplesConditionTests
{
    private const string TypeId = "System.Performance.ConsecutiveSamplesCondition";

    private static ConditionModule Module(string threshold, string direction) =>
        Condition(TypeId, $"<ConditionDetection><Threshold>{threshold}</Threshold><Direction>{direction}</Direction></ConditionDetection>");

    [Fact]
    public void Evaluate_SamplesCrossingAndRecovering_CountsTheRunAndStartsAgainAfterARecovery()
    {
        var module = Module("80", "greater");

        var output = Run(module, Samples("_Total", 50, 85, 90, 95, 70, 81, 80)).Cast<ConsecutiveSamplesData>().ToList();

        output.Select(o => o.Select(DataPath.Parse("Value"))).Should().Equal("0", "1", "2", "3", "0", "1", "0");
        output[3].FirstValue.Should().Be(85);
        output[3].LastValue.Should().Be(95);
        output[3].Select(DataPath.Parse("FirstValue")).Should().Be("85");
        output[3].Select(DataPath.Parse("InstanceName")).Should().Be("_Total");
        output[3].Select(DataPath.Parse("CounterName")).Should().Be("% Processor Time");
        output[3].TypeName.Should().Be("System.Performance.ConsecutiveSamplesData");
        output[3].Time.Should().Be(T0.AddMinutes(3));
    }

    [Fact]
    public void Evaluate_ShippedMonitorTypeFilters_GoUnhealthyOnTheNthCrossingAndRecoverOnTheFirstSampleBelow()
    {
        // ConsecutiveSamplesThreshold: ConditionTrue passes Value >= NumSamples, ConditionFalse passes Value < NumSamples.
        const int numSamples = 3;
        var module = Module("80", "greater");

        var states = Run(module, Samples("_Total", 90, 91, 92, 93, 10, 95))
            .Select(o => ((ConsecutiveSamplesData)o!).ConsecutiveSamples >= numSamples ? "ConditionTrue" : "ConditionFalse");

        states.Should().Equal("ConditionFalse", "ConditionFalse", "ConditionTrue", "ConditionTrue", "ConditionFalse", "ConditionFalse");
    }

    [Theory]
    [InlineData("greater", 80, 0)]
    [InlineData("greater", 80.5, 1)]
    [InlineData("greaterequal", 80, 1)]
    [InlineData("greaterequal", 79.9, 0)]
    [InlineData("less", 80, 0)]
    [InlineData("less", 79.9, 1)]
    [InlineData("lessequal", 80, 1)]
    [InlineData("lessequal", 80.1, 0)]
    public void Evaluate_EachDirection_ComparesWithTheThresholdAsNamed(string direction, double value, long expected)
    {
        var module = Module("80", direction);

        var output = (ConsecutiveSamplesData)module.Evaluate(Samples("_Total", value).Single())!;

        output.ConsecutiveSamples.Should().Be(expected);
    }

    [Fact]
    public void Evaluate_InstancesOfOneCounter_KeepRunsOfTheirOwn()
    {
        var module = Module("80", "greater");
        var a = Samples("0", 90, 91, 92).ToList();
        var b = Samples("1", 95, 10, 96).ToList();

        var output = Run(module, [a[0], b[0], a[1], b[1], a[2], b[2]]).Cast<ConsecutiveSamplesData>();

        output.Select(o => (o.Sample.InstanceName, o.ConsecutiveSamples)).Should().Equal(("0", 1L), ("1", 1L), ("0", 2L), ("1", 0L), ("0", 3L), ("1", 1L));
    }

    [Fact]
    public void Evaluate_SampleThatCouldNotBeRead_IsNotPassedOnAndLeavesTheRunAsItWas()
    {
        var module = Module("80", "greater");
        var unread = new PerformanceData(T0.AddMinutes(1), "Processor", "% Processor Time", "_Total", 0, isNull: true);

        var output = Run(module, [Samples("_Total", 90).Single(), unread, new PerformanceData(T0.AddMinutes(2), "Processor", "% Processor Time", "_Total", 91)]);

        output[1].Should().BeNull();
        ((ConsecutiveSamplesData)output[2]!).ConsecutiveSamples.Should().Be(2);
    }

    [Fact]
    public void Evaluate_ItemThatIsNotASample_EndsHere()
    {
        var module = Module("80", "greater");

        module.Evaluate(new PropertyBagData(T0, [new("State", "Running")])).Should().BeNull();
    }

    [Theory]
    [InlineData("80", "above", "Direction")]
    [InlineData("high", "greater", "Threshold")]
    [InlineData("", "greater", "Threshold")]
    public void Create_BadConfiguration_ThrowsNamingTheField(string threshold, string direction, string field)
    {
        var create = () => Module(threshold, direction);

        create.Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be(field);
    }
}
