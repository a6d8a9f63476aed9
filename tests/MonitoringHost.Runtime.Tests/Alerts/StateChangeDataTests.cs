using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Tests.DataItems;

namespace MonitoringHost.Runtime.Tests.Alerts;

public sealed class StateChangeDataTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Select_ContextOfABagsXml_ReadsThePropertiesAndTimeAsAlertParametersDo()
    {
        var bag = new PropertyBagData(Time.AddSeconds(-10), [new("State", "Stopped & <disabled>"), new("Port", "8080")]);
        var data = new StateChangeData(Time, DataItemXml.Parse(bag.ToXml()));

        DataTemplate.Parse("$Data/Context/Property[@Name='State']$ on $Data/Context/Property[@Name=\"Port\"]$ at $Data/Context/@time$").Render(data)
            .Should().Be("Stopped & <disabled> on 8080 at 2026-11-30T09:59:50.0000000Z");
    }

    [Fact]
    public void ToXml_WithContext_WritesTheCausingItemAsContext()
    {
        var sample = new PerformanceData(Time, "Memory", "Available MBytes", "", 512);
        var data = new StateChangeData(Time, DataItemXml.Parse(sample.ToXml()));

        XmlForm.ShouldRoundTrip(
            data,
            ("@type", "System.Health.MonitorStateChangeData"),
            ("Context/@type", "System.Performance.Data"),
            ("Context/Value", "512"),
            ("Context/ObjectName", "Memory"),
            ("Context", "2026-11-30T10:00:00.0000000ZMemoryAvailable MBytesfalse5121"));
    }

    [Fact]
    public void ToXml_RollupWithoutContext_HasNoContext()
    {
        XmlForm.ShouldRoundTrip(new StateChangeData(Time, null), ("Context", null), ("Context/@time", null)).HasElements.Should().BeFalse();
    }
}
