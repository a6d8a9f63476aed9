using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using static MonitoringHost.Runtime.Tests.Modules.Performance.ModuleHarness;

namespace MonitoringHost.Runtime.Tests.Modules.Performance;

public sealed class AveragerConditionTests
{
    private const string TypeId = "System.Performance.AveragerCondition";

    private static ConditionModule Module(string numSamples) =>
        Condition(TypeId, $"<ConditionDetection><NumSamples>{numSamples}</NumSamples></ConditionDetection>");

    [Fact]
    public void Evaluate_FewerSamplesThanNumSamples_EmitNothing_ThenTheAverageOfTheLatestSlides()
    {
        var module = Module("3");

        var output = Run(module, Samples("_Total", 10, 20, 30, 40, 50.5));

        output[0].Should().BeNull();
        output[1].Should().BeNull();
        output.Skip(2).Cast<PerformanceData>().Select(o => o.Value).Should().Equal(20, 30, 40.166666666666664);
        var last = (PerformanceData)output[4]!;
        last.SampleCount.Should().Be(3);
        last.Time.Should().Be(T0.AddMinutes(4));
        last.Select(DataPath.Parse("Value")).Should().Be("40.166666666666664");
        last.InstanceName.Should().Be("_Total");
    }

    [Fact]
    public void Evaluate_NumSamplesOne_PassesEachValueThrough()
    {
        var module = Module("1");

        Run(module, Samples("_Total", 7, 9)).Cast<PerformanceData>().Select(o => o.Value).Should().Equal(7, 9);
    }

    [Fact]
    public void Evaluate_InstancesOfOneCounter_AreAveragedSeparately()
    {
        var module = Module("2");
        var a = Samples("0", 10, 20).ToList();
        var b = Samples("1", 100, 300).ToList();

        var output = Run(module, [a[0], b[0], a[1], b[1]]);

        output.Should().HaveCount(4);
        ((PerformanceData)output[2]!).Value.Should().Be(15);
        ((PerformanceData)output[3]!).Value.Should().Be(200);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("many")]
    public void Create_NumSamplesNotAPositiveWholeNumber_ThrowsNamingTheField(string numSamples)
    {
        var create = () => Module(numSamples);

        create.Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be("NumSamples");
    }
}
