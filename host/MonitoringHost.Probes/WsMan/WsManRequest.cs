using System.Globalization;
using System.Text;
using System.Xml;

namespace MonitoringHost.Probes.WsMan;

/// <summary>Writes request envelopes with the header set the Windows client sends (MS-WSMV §4.11.1).</summary>
internal static class WsManRequest
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false, Indent = false };

    /// <param name="body">Writes the body's content; null for an empty body.</param>
    public static byte[] Write(
        WsManTarget target,
        string action,
        string resourceUri,
        string messageId,
        IReadOnlyDictionary<string, string>? selectors,
        Action<XmlWriter>? body)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartElement("s", "Envelope", WsManNames.Soap.NamespaceName);
            xml.WriteAttributeString("xmlns", "a", null, WsManNames.Addressing.NamespaceName);
            xml.WriteAttributeString("xmlns", "n", null, WsManNames.Enumeration.NamespaceName);
            xml.WriteAttributeString("xmlns", "w", null, WsManNames.WsMan.NamespaceName);
            xml.WriteAttributeString("xmlns", "p", null, WsManNames.Microsoft.NamespaceName);
            xml.WriteStartElement("s", "Header", null);
            Element(xml, "a", "To", target.Url.AbsoluteUri);
            MustUnderstand(xml, "w", "ResourceURI", resourceUri);
            xml.WriteStartElement("a", "ReplyTo", null);
            MustUnderstand(xml, "a", "Address", WsManNames.Anonymous);
            xml.WriteEndElement();
            MustUnderstand(xml, "a", "Action", action);
            MustUnderstand(xml, "w", "MaxEnvelopeSize", target.MaxEnvelopeSize.ToString(CultureInfo.InvariantCulture));
            Element(xml, "a", "MessageID", messageId);
            xml.WriteStartElement("w", "Locale", null);
            xml.WriteAttributeString("xml", "lang", null, "en-US");
            xml.WriteAttributeString("s", "mustUnderstand", null, "false");
            xml.WriteEndElement();
            if (selectors is { Count: > 0 })
            {
                xml.WriteStartElement("w", "SelectorSet", null);
                foreach (var (name, value) in selectors)
                {
                    xml.WriteStartElement("w", "Selector", null);
                    xml.WriteAttributeString("Name", name);
                    xml.WriteString(value);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            Element(xml, "w", "OperationTimeout", Duration(target.OperationTimeout));
            xml.WriteEndElement();
            xml.WriteStartElement("s", "Body", null);
            body?.Invoke(xml);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>An xs:duration as WinRM writes it: <c>PT60.000S</c>.</summary>
    public static string Duration(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"PT{timeout.TotalSeconds:0.000}S");

    private static void Element(XmlWriter xml, string prefix, string name, string value)
    {
        xml.WriteStartElement(prefix, name, null);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    private static void MustUnderstand(XmlWriter xml, string prefix, string name, string value)
    {
        xml.WriteStartElement(prefix, name, null);
        xml.WriteAttributeString("s", "mustUnderstand", null, "true");
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
