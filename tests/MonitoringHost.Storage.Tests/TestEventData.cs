using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Storage.Tests;

/// <summary>An event item answering the <c>System.Event.Data</c> element names it is given, as an event data source's item would.</summary>
internal sealed class TestEventData(DateTimeOffset time, IReadOnlyDictionary<string, string> fields) : DataItem(time)
{
    public override string TypeName => "Microsoft.Windows.EventData";

    protected override string? SelectValue(DataPath path) =>
        path.Steps is [{ AttributeName: null, IsAttribute: false } step] ? fields.GetValueOrDefault(step.Name) : null;

    protected override void WriteContent(System.Xml.XmlWriter writer)
    {
        foreach (var (name, value) in fields)
        {
            writer.WriteElementString(name, value);
        }
    }
}
