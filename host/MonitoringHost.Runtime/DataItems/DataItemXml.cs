using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// Writing and reading the XML form of data items. Text goes through <see cref="Text"/> so that whatever a command,
/// a script or a remote system produced, the form stays well-formed XML 1.0 that any reader accepts: characters XML 1.0
/// cannot carry at all (control characters other than tab, line feed and carriage return; unpaired surrogates;
/// U+FFFE and U+FFFF) become U+FFFD. Everything else (<c>&lt;</c>, <c>&amp;</c>, quotes, carriage returns) is escaped
/// by the writer and reads back as it was.
/// </summary>
internal static class DataItemXml
{
    public const char Replacement = '\uFFFD';

    /// <summary>The paths of a kind's single elements, parsed once: its XML form writes each that selects something.</summary>
    public static ImmutableArray<DataPath> Paths(params ReadOnlySpan<string> names)
    {
        var paths = ImmutableArray.CreateBuilder<DataPath>(names.Length);
        foreach (var name in names)
        {
            paths.Add(DataPath.Parse(name));
        }

        return paths.MoveToImmutable();
    }

    /// <summary>Writes <c>&lt;name&gt;</c> with what <paramref name="item"/> selects at each single-element path, skipping those that select nothing.</summary>
    public static void Elements(XmlWriter writer, DataItem item, ImmutableArray<DataPath> paths)
    {
        foreach (var path in paths)
        {
            Element(writer, path.First, item.Select(path));
        }
    }

    /// <summary>Writes <c>&lt;name&gt;value&lt;/name&gt;</c>; nothing when <paramref name="value"/> is null.</summary>
    public static void Element(XmlWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteElementString(name, Text(value));
        }
    }

    public static void Attribute(XmlWriter writer, string name, string value) => writer.WriteAttributeString(name, Text(value));

    /// <summary>Writes <paramref name="node"/> (named <paramref name="name"/> when given): its attributes, its text, then its children.</summary>
    public static void Node(XmlWriter writer, DataNode node, string? name = null)
    {
        writer.WriteStartElement(name ?? node.Name);
        foreach (var attribute in node.Attributes)
        {
            Attribute(writer, attribute.Key, attribute.Value);
        }

        if (node.Value is not null)
        {
            writer.WriteString(Text(node.Value));
        }

        foreach (var child in node.Children)
        {
            Node(writer, child);
        }

        writer.WriteEndElement();
    }

    /// <summary><paramref name="value"/> with every character XML 1.0 cannot carry replaced by U+FFFD (the same string when there is none).</summary>
    public static string Text(string value)
    {
        var first = FirstInvalid(value);
        if (first < 0)
        {
            return value;
        }

        return string.Create(value.Length, (value, first), static (span, state) =>
        {
            var (text, start) = state;
            text.AsSpan().CopyTo(span);
            for (var i = start; i < span.Length; i++)
            {
                if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    i++;
                }
                else if (!IsXmlChar(span[i]))
                {
                    span[i] = Replacement;
                }
            }
        });
    }

    /// <summary>
    /// Reads the XML form of a data item (or any element) into a <see cref="DataNode"/>. DTDs are refused and no
    /// external resource is resolved: the text may come from a remote system's output.
    /// </summary>
    public static DataNode Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return DataNode.FromXml(XElement.Load(reader));
    }

    private static int FirstInvalid(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c))
            {
                return i;
            }
        }

        return -1;
    }

    // XML 1.0 Char without the supplementary planes (a valid surrogate pair is checked by the callers).
    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
