using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using static MonitoringHost.Runtime.Tests.Modules.Performance.ModuleHarness;

namespace MonitoringHost.Runtime.Tests.Modules.Performance;

public sealed class DataGenericMapperTests
{
    private const string TypeId = "System.Performance.DataGenericMapper";

    private static ConditionModule Mapper(string value, string instance = "$Data/Property[@Name='Drive']$") => Condition(TypeId,
        $"""
        <ConditionDetection>
          <ObjectName>LogicalDisk</ObjectName>
          <CounterName>Free Megabytes ($Data/Property[@Name='Unit']$)</CounterName>
          <InstanceName>{instance}</InstanceName>
          <Value>{value}</Value>
        </ConditionDetection>
        """);

    private static PropertyBagData Bag(params (string Name, string Value)[] values) =>
        new(T0.AddSeconds(30), values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));

    [Fact]
    public void Evaluate_PropertyBag_FillsNamesAndValueFromTheItem()
    {
        var mapper = Mapper("$Data/Property[@Name='Free']$");

        var sample = (PerformanceData)mapper.Evaluate(Bag(("Drive", "C:"), ("Unit", "MB"), ("Free", "1234.5")))!;

        sample.ObjectName.Should().Be("LogicalDisk");
        sample.CounterName.Should().Be("Free Megabytes (MB)");
        sample.InstanceName.Should().Be("C:");
        sample.Value.Should().Be(1234.5);
        sample.IsNull.Should().BeFalse();
        sample.SampleCount.Should().Be(1);
        sample.TimeSampled.Should().Be(T0.AddSeconds(30));
        sample.TypeName.Should().Be("System.Performance.Data");
        sample.Select(DataPath.Parse("Value")).Should().Be("1234.5");
        sample.Select(DataPath.Parse("TimeSampled")).Should().Be("2026-03-01T12:00:30.0000000Z");
        sample.Select(DataPath.Parse("IsNull")).Should().Be("false");
    }

    [Theory]
    [InlineData("-3e2", -300)]
    [InlineData(" 42 ", 42)]
    [InlineData("0.000125", 0.000125)]
    public void Evaluate_InvariantNumbers_AreRead(string text, double expected)
    {
        var mapper = Mapper("$Data/Property[@Name='Free']$");

        ((PerformanceData)mapper.Evaluate(Bag(("Drive", "C:"), ("Free", text)))!).Value.Should().Be(expected);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("n/a")]
    public void Evaluate_ValueThatIsNotANumber_EmitsNothing(string text)
    {
        var mapper = Mapper("$Data/Property[@Name='Free']$");

        mapper.Evaluate(Bag(("Drive", "C:"), ("Free", text))).Should().BeNull();
    }

    [Fact]
    public void Evaluate_ValuePropertyMissing_EmitsNothing()
    {
        Mapper("$Data/Property[@Name='Free']$").Evaluate(Bag(("Drive", "C:"))).Should().BeNull();
    }

    [Fact]
    public void Evaluate_FixedValueAndEmptyInstance_AreTakenAsWritten()
    {
        var sample = (PerformanceData)Mapper("7", instance: "").Evaluate(Bag())!;

        sample.Value.Should().Be(7);
        sample.InstanceName.Should().BeEmpty();
    }

    [Fact]
    public void Create_ValueMissing_ThrowsNamingTheField()
    {
        var create = () => Condition(TypeId, "<ConditionDetection><ObjectName>A</ObjectName><CounterName>B</CounterName><InstanceName /></ConditionDetection>");

        create.Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be("Value");
    }
}
