using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using static MonitoringHost.Runtime.Tests.Modules.Performance.ModuleHarness;

namespace MonitoringHost.Runtime.Tests.Modules.Performance;

public sealed class DeltaValueConditionTests
{
    private const string TypeId = "System.Performance.DeltaValueCondition";

    private static ConditionModule Module(string numSamples, string absolute) =>
        Condition(TypeId, $"<ConditionDetection><NumSamples>{numSamples}</NumSamples><Absolute>{absolute}</Absolute></ConditionDetection>");

    private static List<double?> Values(ConditionModule module, params double[] samples) =>
        Run(module, Samples("_Total", samples)).Select(o => ((PerformanceData?)o)?.Value).ToList();

    [Fact]
    public void Evaluate_AbsoluteOverOneInterval_IsTheSignedChangeFromThePreviousSample()
    {
        Values(Module("1", "true"), 100, 130, 120, 120).Should().Equal(null, 30, -10, 0);
    }

    [Fact]
    public void Evaluate_AbsoluteOverTwoIntervals_ComparesWithTheSampleTwoBefore()
    {
        var module = Module("2", "true");

        var output = Run(module, Samples("_Total", 10, 20, 40, 45));

        output.Select(o => ((PerformanceData?)o)?.Value).Should().Equal(null, null, 30, 25);
        ((PerformanceData)output[3]!).SampleCount.Should().Be(3);
        output[3]!.Time.Should().Be(T0.AddMinutes(3));
    }

    [Fact]
    public void Evaluate_Percentage_IsTheChangeInPercentOfTheOlderValue_AndNothingWhileThatIsZero()
    {
        Values(Module("1", "false"), 200, 250, 0, 10, 5).Should().Equal(null, 25, -100, null, -50);
    }

    [Fact]
    public void Evaluate_PercentageOfANegativeValue_KeepsTheDirectionOfTheChange()
    {
        Values(Module("1", "false"), -200, -100).Should().Equal(null, 50);
    }

    [Fact]
    public void Evaluate_InstancesOfOneCounter_HaveDeltasOfTheirOwn()
    {
        var module = Module("1", "true");
        var a = Samples("0", 1, 2).ToList();
        var b = Samples("1", 50, 40).ToList();

        var output = Run(module, [a[0], b[0], a[1], b[1]]).Select(o => ((PerformanceData?)o)?.Value);

        output.Should().Equal(null, null, 1, -10);
    }

    [Fact]
    public void Create_AbsoluteMissing_ThrowsNamingTheField()
    {
        var create = () => Condition(TypeId, "<ConditionDetection><NumSamples>1</NumSamples></ConditionDetection>");

        create.Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be("Absolute");
    }
}
