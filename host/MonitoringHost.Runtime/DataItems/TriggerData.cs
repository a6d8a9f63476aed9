namespace MonitoringHost.Runtime.DataItems;

/// <summary><c>System.TriggerData</c>: a scheduler's tick. Carries nothing but its time.</summary>
public sealed class TriggerData(DateTimeOffset time) : DataItem(time)
{
    public override string TypeName => "System.TriggerData";

    protected override string? SelectValue(DataPath path) => null;

    /// <summary>A tick has no elements: <c>&lt;DataItem type="System.TriggerData" time="…"/&gt;</c>.</summary>
    protected override void WriteContent(System.Xml.XmlWriter writer)
    {
    }
}
