using System.Collections.Immutable;
using System.Xml.Linq;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.Expressions;

/// <summary>A data item of any shape (registry values, SNMP bindings…) read through <see cref="DataNode"/>s.</summary>
internal sealed class NodeItem(string typeName, ImmutableArray<DataNode> content) : DataItem(Items.Time)
{
    public override string TypeName { get; } = typeName;

    public static NodeItem FromXml(string dataItemXml)
    {
        var root = XElement.Parse(dataItemXml);
        return new NodeItem(root.Attribute("type")?.Value ?? "System.BaseData", [.. root.Elements().Select(DataNode.FromXml)]);
    }

    protected override string? SelectValue(DataPath path) => DataNode.Select(content, path.Steps.AsSpan());

    protected override void WriteContent(System.Xml.XmlWriter writer)
    {
        foreach (var node in content)
        {
            DataItemXml.Node(writer, node);
        }
    }
}
