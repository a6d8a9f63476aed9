using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace MonitoringHost.Probes.WsMan;

/// <summary>Turns CIM instance XML (DSP0230 as WinRM renders it) into <see cref="CimInstance"/> property bags.</summary>
internal static class CimInstanceReader
{
    public static CimInstance Read(XElement instance)
    {
        var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in instance.Elements())
        {
            var name = element.Name.LocalName;
            var value = Value(element);
            if (!properties.TryGetValue(name, out var existing))
            {
                properties.Add(name, value);
            }
            else if (existing is List<object?> values)
            {
                values.Add(value);
            }
            else
            {
                properties[name] = new List<object?> { existing, value };
            }
        }

        foreach (var (name, value) in properties.Where(p => p.Value is List<object?>).ToList())
        {
            properties[name] = ((List<object?>)value!).AsReadOnly();
        }

        return new CimInstance(instance.Name.LocalName, properties);
    }

    private static object? Value(XElement element)
    {
        if ((string?)element.Attribute(WsManNames.Xsi + "nil") is "true" or "1")
        {
            return null;
        }

        if (element.Element(WsManNames.Cim + "Datetime") is { } datetime)
        {
            return DateTimeOffset.Parse(datetime.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        if (element.Element(WsManNames.Cim + "Interval") is { } interval)
        {
            return XmlConvert.ToTimeSpan(interval.Value);
        }

        if (element.Element(WsManNames.Cim + "Date") is { } date)
        {
            return date.Value;
        }

        if (element.Element(WsManNames.Addressing + "ReferenceParameters") is { } reference)
        {
            var selectors = reference.Descendants(WsManNames.WsMan + "Selector")
                .ToDictionary(s => (string?)s.Attribute("Name") ?? "", s => s.Value, StringComparer.OrdinalIgnoreCase);
            return new CimReference(reference.Element(WsManNames.WsMan + "ResourceURI")?.Value ?? "", selectors);
        }

        return element.Value;
    }
}
