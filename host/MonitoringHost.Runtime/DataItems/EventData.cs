using System.Collections.Immutable;
using System.Globalization;
using System.Xml;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// An event: <c>System.Event.Data</c>, or <c>Microsoft.Windows.EventData</c> for an event log record. Packs read
/// it as <c>PublisherName</c>, <c>EventDisplayNumber</c>, <c>EventLevel</c>, <c>Params/Param[2]</c>,
/// <c>EventData/DataItem/…</c> and so on; numbers are kept as their invariant text too, so expressions read them
/// without formatting per evaluation.
/// </summary>
public sealed class EventData : DataItem
{
    public const string SystemTypeName = "System.Event.Data";
    public const string WindowsTypeName = "Microsoft.Windows.EventData";

    private static readonly ImmutableArray<DataPath> HeaderElements = DataItemXml.Paths(
        "PublisherName", "EventSourceName", "Channel", "LoggingComputer", "EventNumber", "EventCategory", "EventLevel", "UserName");

    private static readonly ImmutableArray<DataPath> DescriptionElements = DataItemXml.Paths("EventDisplayNumber", "EventDescription");

    private string _eventNumberText = "0";
    private string _eventDisplayNumberText = "0";
    private string _eventCategoryText = "0";
    private string _eventLevelText = "0";

    public EventData(DateTimeOffset time, string typeName = WindowsTypeName)
        : base(time)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        TypeName = typeName;
    }

    public override string TypeName { get; }

    public string? PublisherName { get; init; }

    public string? EventSourceName { get; init; }

    /// <summary>The log the event was written to (<c>Application</c>, <c>System</c>…).</summary>
    public string? Channel { get; init; }

    public string? LoggingComputer { get; init; }

    public string? UserName { get; init; }

    public string? EventDescription { get; init; }

    /// <summary>The full event ID, qualifiers included.</summary>
    public uint EventNumber
    {
        get;
        init
        {
            field = value;
            _eventNumberText = value.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The event ID as users see it (the low 16 bits of a classic event's ID).</summary>
    public uint EventDisplayNumber
    {
        get;
        init
        {
            field = value;
            _eventDisplayNumberText = value.ToString(CultureInfo.InvariantCulture);
        }
    }

    public int EventCategory
    {
        get;
        init
        {
            field = value;
            _eventCategoryText = value.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>1 error, 2 warning, 4 information, 8 audit success, 16 audit failure (0 success).</summary>
    public int EventLevel
    {
        get;
        init
        {
            field = value;
            _eventLevelText = value.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The insertion strings, read as <c>Params/Param[1]</c>, <c>Params/Param[2]</c>…</summary>
    public ImmutableArray<string> Params { get; init; } = [];

    /// <summary>The children of the event's <c>EventData</c> element, read as <c>EventData/…</c>.</summary>
    public ImmutableArray<DataNode> EventDataContent { get; init; } = [];

    protected override bool AnswersChildPredicates => true;

    protected override string? SelectValue(DataPath path)
    {
        var steps = path.Steps.AsSpan();
        var first = steps[0];
        if (first.IsAttribute || first.AttributeName is not null || first.Position > 1)
        {
            return null;
        }

        if (steps.Length == 1)
        {
            return first.Name switch
            {
                "PublisherName" => PublisherName,
                "EventSourceName" => EventSourceName,
                "Channel" => Channel,
                "LoggingComputer" => LoggingComputer,
                "UserName" => UserName,
                "EventDescription" => EventDescription,
                "EventNumber" => _eventNumberText,
                "EventDisplayNumber" => _eventDisplayNumberText,
                "EventCategory" => _eventCategoryText,
                "EventLevel" => _eventLevelText,
                "Params" => string.Concat(Params),
                "EventData" => DataNode.Element("EventData", [.. EventDataContent]).StringValue(),
                _ => null,
            };
        }

        return first.Name switch
        {
            "Params" => steps is [_, { Name: "Param", AttributeName: null, IsAttribute: false } param] ? Param(param.Position) : null,
            "EventData" => DataNode.Select(EventDataContent, steps[1..]),
            _ => null,
        };
    }

    /// <summary>
    /// The elements in the order Operations Manager writes an event: the header (text fields the event lacks are
    /// left out), <c>EventData</c> with its content, <c>EventDisplayNumber</c>, <c>EventDescription</c>, then
    /// <c>Params</c> with a <c>Param</c> per insertion string. <c>EventData</c> and <c>Params</c> are always written,
    /// empty when there is nothing, as the paths <c>EventData</c> and <c>Params</c> select empty text then.
    /// </summary>
    protected override void WriteContent(XmlWriter writer)
    {
        DataItemXml.Elements(writer, this, HeaderElements);
        writer.WriteStartElement("EventData");
        foreach (var node in EventDataContent)
        {
            DataItemXml.Node(writer, node);
        }

        writer.WriteEndElement();
        DataItemXml.Elements(writer, this, DescriptionElements);
        writer.WriteStartElement("Params");
        foreach (var param in Params)
        {
            writer.WriteElementString("Param", DataItemXml.Text(param));
        }

        writer.WriteEndElement();
    }

    private string? Param(int position)
    {
        var index = Math.Max(position, 1) - 1;
        return index < Params.Length ? Params[index] : null;
    }
}
