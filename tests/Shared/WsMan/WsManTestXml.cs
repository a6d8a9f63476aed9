using System.Globalization;
using System.Xml.Linq;
using MonitoringHost.Probes.WsMan;

namespace MonitoringHost.Tests.Shared.WsMan;

/// <summary>
/// Response envelopes, CIM instances and SOAP faults in the shape Windows WinRM sends them
/// (../shared/reference/protocol-samples/wsman): Windows prefixes, header order, instance properties in
/// case-insensitive alphabetical order, the instance's own <c>p</c> binding, nil and datetime rendering.
/// </summary>
internal static class WsManTestXml
{
    public const uint ResourceNotFound = 2150858752;
    public const uint CannotProcessFilter = 2150858778;
    public const uint InvalidEnumerationContext = 2150858779;
    public const uint TimedOut = 2150858793;
    public const uint InvalidSelectors = 2150858843;

    public static XDocument Envelope(string action, XElement request, params object[] body)
    {
        var header = request.Element(WsManNames.Soap + "Header");
        var operationId = header?.Element(WsManNames.Microsoft + "OperationID")?.Value;
        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                WsManNames.Soap + "Envelope",
                new XAttribute(XNamespace.Xml + "lang", "en-US"),
                new XAttribute(XNamespace.Xmlns + "s", WsManNames.Soap),
                new XAttribute(XNamespace.Xmlns + "a", WsManNames.Addressing),
                new XAttribute(XNamespace.Xmlns + "n", WsManNames.Enumeration),
                new XAttribute(XNamespace.Xmlns + "w", WsManNames.WsMan),
                new XAttribute(XNamespace.Xmlns + "p", WsManNames.Microsoft),
                new XElement(
                    WsManNames.Soap + "Header",
                    new XElement(WsManNames.Addressing + "Action", action),
                    new XElement(WsManNames.Addressing + "MessageID", "uuid:" + Guid.NewGuid().ToString("D").ToUpperInvariant()),
                    operationId is null ? null : new XElement(WsManNames.Microsoft + "OperationID", new XAttribute(WsManNames.Soap + "mustUnderstand", "false"), operationId),
                    operationId is null ? null : new XElement(WsManNames.Microsoft + "SequenceId", "1"),
                    new XElement(WsManNames.Addressing + "To", WsManNames.Anonymous),
                    new XElement(WsManNames.Addressing + "RelatesTo", header?.Element(WsManNames.Addressing + "MessageID")?.Value)),
                new XElement(WsManNames.Soap + "Body", body)));
    }

    /// <summary>A SOAP fault as WinRM sends it (with HTTP 500), the WMI provider's message nested when given.</summary>
    public static XDocument Fault(XElement request, string faultAction, string subcode, string reason, uint code, string computerName, string? providerMessage = null, string? faultDetail = null)
    {
        var message = providerMessage is null
            ? new XElement(WsManNames.Fault + "Message", reason)
            : new XElement(
                WsManNames.Fault + "Message",
                new XElement(
                    WsManNames.Fault + "ProviderFault",
                    new XAttribute("provider", "WMI Provider"),
                    new XAttribute("path", "%systemroot%\\system32\\WsmWmiPl.dll"),
                    new XElement(
                        WsManNames.Fault + "WSManFault",
                        new XAttribute("Code", code),
                        new XAttribute("Machine", computerName),
                        new XElement(WsManNames.Fault + "Message", providerMessage))));
        return Envelope(
            faultAction,
            request,
            new XElement(
                WsManNames.Soap + "Fault",
                new XElement(
                    WsManNames.Soap + "Code",
                    new XElement(WsManNames.Soap + "Value", "s:Sender"),
                    new XElement(WsManNames.Soap + "Subcode", new XElement(WsManNames.Soap + "Value", subcode))),
                new XElement(WsManNames.Soap + "Reason", new XElement(WsManNames.Soap + "Text", new XAttribute(XNamespace.Xml + "lang", "en-US"), reason)),
                new XElement(
                    WsManNames.Soap + "Detail",
                    faultDetail is null ? null : new XElement(WsManNames.WsMan + "FaultDetail", faultDetail),
                    new XElement(
                        WsManNames.Fault + "WSManFault",
                        new XAttribute(XNamespace.Xmlns + "f", WsManNames.Fault),
                        new XAttribute("Code", code),
                        new XAttribute("Machine", "127.0.0.1"),
                        message))));
    }

    public static XElement Instance(string className, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        XNamespace p = WsManNames.ResourceUri("root/cimv2", className);
        return new XElement(
            p + className,
            new XAttribute(XNamespace.Xmlns + "p", p),
            new XAttribute(XNamespace.Xmlns + "xsi", WsManNames.Xsi),
            new XAttribute(XNamespace.Xmlns + "cim", WsManNames.Cim),
            new XAttribute(WsManNames.Xsi + "type", $"p:{className}_Type"),
            properties.OrderBy(property => property.Key, StringComparer.OrdinalIgnoreCase).SelectMany(property => Property(p + property.Key, property.Value)));
    }

    /// <summary>The answer to a projection query (<c>SELECT Name, State FROM …</c>): the selected properties, unqualified, in a <c>w:XmlFragment</c>.</summary>
    public static XElement Fragment(IEnumerable<KeyValuePair<string, object?>> properties) =>
        new(
            WsManNames.WsMan + "XmlFragment",
            properties.OrderBy(property => property.Key, StringComparer.OrdinalIgnoreCase).SelectMany(property => Property(property.Key, property.Value)));

    /// <summary>A scalar's text as WMI renders it (booleans lower case, numbers invariant).</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => DateTime(time),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static IEnumerable<XElement> Property(XName name, object? value) => value switch
    {
        null => [new XElement(name, new XAttribute(WsManNames.Xsi + "nil", "true"))],
        DateTimeOffset time => [new XElement(name, new XElement(WsManNames.Cim + "Datetime", DateTime(time)))],
        IEnumerable<string> values when value is not string => values.Select(v => new XElement(name, v)),
        _ => [new XElement(name, Text(value))],
    };

    private static string DateTime(DateTimeOffset time) => time.Offset == TimeSpan.Zero
        ? time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
}
