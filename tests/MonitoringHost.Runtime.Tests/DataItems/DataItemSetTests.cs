using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class DataItemSetTests
{
    private static readonly DateTimeOffset Time = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToXml_SetOfBags_IsTheFirstItemsForm()
    {
        var first = new PropertyBagData(Time, [new("Name", "Spooler"), new("State", "Stopped")]);
        var second = new PropertyBagData(Time, [new("Name", "W3SVC"), new("State", "Running")]);
        var set = new DataItemSet(Time, [first, second]);

        set.Cause.Should().BeSameAs(first);
        set.ToXml().Should().Be(first.ToXml());
        XmlForm.XPathText(XmlForm.Load(set.ToXml()), "Property[@Name='State']").Should().Be("Stopped");
    }

    [Fact]
    public void ToXml_EmptySet_IsATriggerWithTheSetsTime()
    {
        var set = new DataItemSet(Time, []);

        set.Cause.Should().BeOfType<TriggerData>().Which.Time.Should().Be(Time);
        set.ToXml().Should().Be("<DataItem type=\"System.TriggerData\" time=\"2026-06-01T08:00:00.0000000Z\" />");
    }

    [Fact]
    public void ToXml_Trigger_HasOnlyTypeAndTime()
    {
        XmlForm.ShouldRoundTrip(new TriggerData(Time), ("@type", "System.TriggerData"), ("@time", "2026-06-01T08:00:00.0000000Z"), ("Value", null))
            .HasElements.Should().BeFalse();
    }
}
