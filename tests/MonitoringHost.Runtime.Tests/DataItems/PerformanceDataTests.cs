using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class PerformanceDataTests
{
    private static readonly DateTimeOffset Sampled = new(2026, 3, 1, 14, 30, 15, 250, TimeSpan.FromHours(2));

    [Theory]
    [InlineData("TimeSampled", "2026-03-01T12:30:15.2500000Z")]
    [InlineData("ObjectName", "Memory")]
    [InlineData("CounterName", "Available MBytes")]
    [InlineData("InstanceName", "")]
    [InlineData("IsNull", "false")]
    [InlineData("Value", "0.1")]
    [InlineData("SampleCount", "4")]
    [InlineData("/DataItem/Value", "0.1")]
    [InlineData("@type", "System.Performance.Data")]
    [InlineData("@time", "2026-03-01T12:30:15.2500000Z")]
    public void Select_Field_AnswersInvariantText(string path, string expected)
    {
        var sample = new PerformanceData(Sampled, "Memory", "Available MBytes", "", 0.1, sampleCount: 4);

        sample.Select(DataPath.Parse(path)).Should().Be(expected);
    }

    [Theory]
    [InlineData("Property[@Name='Value']")]
    [InlineData("Value/Inner")]
    [InlineData("@Value")]
    [InlineData("Counter")]
    public void Select_PathOutsideTheSchema_IsNull(string path)
    {
        var sample = new PerformanceData(Sampled, "Memory", "Available MBytes", "", 1);

        sample.Select(DataPath.Parse(path)).Should().BeNull();
    }

    [Fact]
    public void ToXml_Sample_HasTheDocumentedElementsWithTheTextSelectGives()
    {
        var sample = new PerformanceData(Sampled, "LogicalDisk", "% Free Space", "C:", 12.5, sampleCount: 4);

        var root = XmlForm.ShouldRoundTrip(
            sample,
            ("TimeSampled", "2026-03-01T12:30:15.2500000Z"),
            ("ObjectName", "LogicalDisk"),
            ("CounterName", "% Free Space"),
            ("InstanceName", "C:"),
            ("IsNull", "false"),
            ("Value", "12.5"),
            ("SampleCount", "4"));

        root.Elements().Select(e => e.Name.LocalName).Should().Equal(
            "TimeSampled", "ObjectName", "CounterName", "InstanceName", "IsNull", "Value", "SampleCount");
        XmlForm.XPathText(root, "IsNull/@Type").Should().Be("Boolean");
    }

    [Fact]
    public void ToXml_NullSampleWithoutInstance_WritesIsNullTrueAndAnEmptyInstanceName()
    {
        var sample = new PerformanceData(Sampled, "Memory", "Available MBytes", "", 0, isNull: true);

        XmlForm.ShouldRoundTrip(sample, ("InstanceName", ""), ("IsNull", "true"), ("Value", "0"), ("SampleCount", "1"));
    }
}
