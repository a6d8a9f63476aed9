using System.Collections.Immutable;
using System.Xml;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// A data item whose content is XML a remote system returned, kept as a <see cref="DataNode"/> tree:
/// <c>Microsoft.SystemCenter.WSManagement.WSManData</c> holds the WS-Management answer under <c>WsManData</c>
/// (for a UNIX shell command <c>WsManData/SCX_OperatingSystem_OUTPUT/StdOut</c> and its siblings). Paths walk the
/// tree, <c>//</c> steps included, and the XML form writes it as it is (without namespaces: names are matched by
/// their local name, so <c>*[local-name()="StdOut"]</c> and <c>StdOut</c> read the same element).
/// </summary>
public sealed class XmlDataItem : DataItem
{
    public const string WsManDataType = "Microsoft.SystemCenter.WSManagement.WSManData";

    public XmlDataItem(DateTimeOffset time, string typeName, IEnumerable<DataNode> content)
        : base(time)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        ArgumentNullException.ThrowIfNull(content);
        TypeName = typeName;
        Content = [.. content];
    }

    public override string TypeName { get; }

    /// <summary>The elements inside <c>DataItem</c>.</summary>
    public ImmutableArray<DataNode> Content { get; }

    /// <summary>A <c>WSManData</c> item: <paramref name="answer"/> under <c>WsManData</c>.</summary>
    public static XmlDataItem WsManData(DateTimeOffset time, DataNode answer) =>
        new(time, WsManDataType, [DataNode.Element("WsManData", answer)]);

    protected override string? SelectValue(DataPath path) => DataNode.Select(Content, path.Steps.AsSpan());

    protected override string? SelectAtAnyDepth(DataPath path) => SelectValue(path);

    protected override void WriteContent(XmlWriter writer)
    {
        foreach (var node in Content)
        {
            DataItemXml.Node(writer, node);
        }
    }
}
