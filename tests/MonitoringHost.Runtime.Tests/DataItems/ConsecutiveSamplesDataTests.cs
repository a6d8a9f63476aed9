using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class ConsecutiveSamplesDataTests
{
    [Fact]
    public void ToXml_Run_HasTheSampleElementsWithTheRunLengthAndTheFirstAndLastValues()
    {
        var sample = new PerformanceData(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), "Processor", "% Processor Time", "_Total", 97.25);
        var item = new ConsecutiveSamplesData(sample, 3, 91.5);

        var root = XmlForm.ShouldRoundTrip(
            item,
            ("@type", "System.Performance.ConsecutiveSamplesData"),
            ("TimeSampled", "2026-03-01T12:00:00.0000000Z"),
            ("ObjectName", "Processor"),
            ("CounterName", "% Processor Time"),
            ("InstanceName", "_Total"),
            ("IsNull", "false"),
            ("Value", "3"),
            ("SampleCount", "3"),
            ("FirstValue", "91.5"),
            ("LastValue", "97.25"));

        root.Elements().Select(e => e.Name.LocalName).Should().Equal(
            "TimeSampled", "ObjectName", "CounterName", "InstanceName", "IsNull", "Value", "SampleCount", "FirstValue", "LastValue");
    }
}
