namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// What flows between modules: a property bag, discovery data, performance data, an event, command output, a
/// trigger… Each kind answers the <see cref="DataPath"/> forms packs use from its own fields, without an XML
/// document per item. Items are immutable once emitted, so one item can feed several modules.
/// </summary>
public abstract class DataItem
{
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

        return SelectValue(path);
    }

    /// <summary>Whether <paramref name="path"/> selects anything (XPath <c>Exists</c>).</summary>
    public bool Exists(DataPath path) => Select(path) is not null;

    /// <summary>The item's own fields; <c>@time</c> and <c>@type</c> are answered before this is asked.</summary>
    protected abstract string? SelectValue(DataPath path);

    /// <summary>
    /// The item as the XML Operations Manager shows it (an alert's context, a state change's context):
    /// <c>&lt;DataItem type="…" time="…"&gt;</c> with the kind's own elements. This base form has no elements; each kind
    /// adds its own by overriding <see cref="WriteContent"/>.
    /// </summary>
    public string ToXml()
    {
        var settings = new System.Xml.XmlWriterSettings { OmitXmlDeclaration = true, Indent = false };
        var text = new System.Text.StringBuilder();
        using (var writer = System.Xml.XmlWriter.Create(text, settings))
        {
            writer.WriteStartElement("DataItem");
            writer.WriteAttributeString("type", TypeName);
            writer.WriteAttributeString("time", Select(DataPath.Parse("@time")));
            WriteContent(writer);
            writer.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>Writes the kind's own elements inside <c>&lt;DataItem&gt;</c>.</summary>
    protected virtual void WriteContent(System.Xml.XmlWriter writer)
    {
    }
}
