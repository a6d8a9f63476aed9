namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// What flows between modules: a property bag, discovery data, performance data, an event, command output, a
/// trigger… Each kind answers the <see cref="DataPath"/> forms packs use from its own fields, without an XML
/// document per item. Items are immutable once emitted, so one item can feed several modules.
/// </summary>
public abstract class DataItem
{
    private static readonly DataPath TimePath = DataPath.Parse("@time");

    protected DataItem(DateTimeOffset time) => Time = time;

    /// <summary>The data type's ID as packs name it (<c>System.PropertyBagData</c>).</summary>
    public abstract string TypeName { get; }

    /// <summary>When the item was made (the <c>time</c> attribute of its XML form).</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The text at <paramref name="path"/>, or null when nothing is there.</summary>
    public string? Select(DataPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Steps.Length == 1 && path.Steps[0] is { IsAttribute: true, Name: "time" })
        {
            return Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (path.Steps.Length == 1 && path.Steps[0] is { IsAttribute: true, Name: "type" })
        {
            return TypeName;
        }

        return path.HasChildPredicate && !AnswersChildPredicates ? null : path.HasDescendant ? SelectAtAnyDepth(path) : SelectValue(path);
    }

    /// <summary>
    /// Whether the kind has elements with children that a <c>[Child='value']</c> predicate can test (an event's
    /// EventData, SNMP variable bindings); for the others such a path selects nothing.
    /// </summary>
    protected virtual bool AnswersChildPredicates => false;

    /// <summary>Whether <paramref name="path"/> selects anything (XPath <c>Exists</c>).</summary>
    public bool Exists(DataPath path) => Select(path) is not null;

    /// <summary>The item's own fields; <c>@time</c> and <c>@type</c> are answered before this is asked.</summary>
    protected abstract string? SelectValue(DataPath path);

    /// <summary>
    /// A path with a <c>//</c> step (<c>//*[local-name()="StdOut"]</c>). By default it is read from the item's XML
    /// form (<see cref="ToXml"/>), which selects the same text as <see cref="SelectValue"/> does; a kind whose
    /// content is a tree answers it from the tree.
    /// </summary>
    protected virtual string? SelectAtAnyDepth(DataPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DataNode.Select(DataItemXml.Parse(ToXml()).Children, path.Steps.AsSpan());
    }

    /// <summary>
    /// The item as the XML Operations Manager shows it (an alert's context, a state change's context):
    /// <c>&lt;DataItem type="…" time="…"&gt;</c> with the kind's own elements. Every path <see cref="Select"/> answers
    /// selects the same text in this form; text XML 1.0 cannot carry is written as U+FFFD (see README, "XML form of
    /// data items").
    /// </summary>
    public string ToXml()
    {
        // Entitize: carriage returns and line breaks in values are written as references, so they read back as they were.
        var settings = new System.Xml.XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, NewLineHandling = System.Xml.NewLineHandling.Entitize };
        var text = new System.Text.StringBuilder();
        using (var writer = System.Xml.XmlWriter.Create(text, settings))
        {
            writer.WriteStartElement("DataItem");
            DataItemXml.Attribute(writer, "type", TypeName);
            writer.WriteAttributeString("time", Select(TimePath));
            WriteContent(writer);
            writer.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>Writes the kind's own elements inside <c>&lt;DataItem&gt;</c>, at the paths its <see cref="SelectValue"/> answers.</summary>
    protected abstract void WriteContent(System.Xml.XmlWriter writer);
}
