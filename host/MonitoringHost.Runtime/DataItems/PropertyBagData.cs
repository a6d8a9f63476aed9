using System.Collections.Frozen;
using System.Xml;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// <c>System.PropertyBagData</c>: named values, read as <c>Property[@Name='x']</c> (the XML form is
/// <c>&lt;Property Name="x" VariantType="8"&gt;value&lt;/Property&gt;</c>).
/// </summary>
/// <remarks>
/// Values are kept as text, whatever type the producer gave them, so every property is written with VariantType 8
/// (VT_BSTR): that is also how Operations Manager writes a value a script added as a string, and expressions convert
/// with their XPathQuery Type either way.
/// </remarks>
public sealed class PropertyBagData : DataItem
{
    private readonly FrozenDictionary<string, string> _values;

    public PropertyBagData(DateTimeOffset time, IEnumerable<KeyValuePair<string, string>> values)
        : base(time) => _values = values.ToFrozenDictionary(StringComparer.Ordinal);

    public override string TypeName => "System.PropertyBagData";

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? this[string name] => _values.GetValueOrDefault(name);

    protected override string? SelectValue(DataPath path) =>
        path.Steps is [{ Name: "Property", AttributeName: "Name" } step] ? _values.GetValueOrDefault(step.AttributeValue!) : null;

    /// <summary>One <c>Property</c> per value, in ordinal name order so that equal bags give equal text.</summary>
    protected override void WriteContent(XmlWriter writer)
    {
        var names = _values.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            writer.WriteStartElement("Property");
            DataItemXml.Attribute(writer, "Name", name);
            writer.WriteAttributeString("VariantType", "8");
            writer.WriteString(DataItemXml.Text(_values[name]));
            writer.WriteEndElement();
        }
    }
}
