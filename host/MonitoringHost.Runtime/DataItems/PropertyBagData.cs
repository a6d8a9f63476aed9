using System.Collections.Frozen;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// <c>System.PropertyBagData</c>: named values, read as <c>Property[@Name='x']</c> (the XML form is
/// <c>&lt;Property Name="x" VariantType="8"&gt;value&lt;/Property&gt;</c>).
/// </summary>
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
}
