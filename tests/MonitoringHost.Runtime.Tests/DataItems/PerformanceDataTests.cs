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
}
