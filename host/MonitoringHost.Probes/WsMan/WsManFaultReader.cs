using System.Globalization;
using System.Xml.Linq;

namespace MonitoringHost.Probes.WsMan;

/// <summary>
/// Maps a SOAP fault (MS-WSMV §2.2.4.43) to a <see cref="CimException"/>: the subcode and the WSManFault code decide
/// the kind; the message carries the reason, the innermost provider message and the code in decimal and hex.
/// </summary>
internal static class WsManFaultReader
{
    private const uint ResourceNotFound = 2150858752; // 0x80338000 ERROR_WSMAN_RESOURCE_NOT_FOUND
    private const uint CannotProcessFilter = 2150858778; // 0x8033801A
    private const uint TimedOut = 2150858793; // 0x80338029 ERROR_WSMAN_OPERATION_TIMEDOUT
    private const uint InvalidSelectors = 2150858843; // 0x8033805B
    private const uint WmiAccessDenied = 2150859012; // 0x80338104
    private const uint WmiNotFound = 0x80041002; // WBEM_E_NOT_FOUND
    private const uint WmiInvalidClass = 0x80041010; // WBEM_E_INVALID_CLASS
    private const uint WmiInvalidQuery = 0x80041017; // WBEM_E_INVALID_QUERY
    private const uint AccessDeniedHResult = 0x80070005;

    public static CimException Read(XElement fault, string operation, Uri target, int httpStatus)
    {
        var s = WsManNames.Soap;
        var subcode = fault.Element(s + "Code")?.Element(s + "Subcode")?.Element(s + "Value")?.Value.Trim();
        var reason = fault.Element(s + "Reason")?.Elements(s + "Text").FirstOrDefault()?.Value.Trim();
        var detail = fault.Element(s + "Detail");
        var wsmanFault = detail?.Element(WsManNames.Fault + "WSManFault");
        uint? code = ParseCode((string?)wsmanFault?.Attribute("Code"));
        var inner = wsmanFault?.Descendants(WsManNames.Fault + "Message").LastOrDefault(m => !m.HasElements)?.Value.Trim();

        // Some WMI errors come as an MSFT_WmiError instance instead of a WSManFault.
        var wmiError = detail?.Elements().FirstOrDefault(e => e.Name.LocalName == "MSFT_WmiError");
        if (wmiError is not null)
        {
            code ??= ParseCode(wmiError.Elements().FirstOrDefault(e => e.Name.LocalName == "error_Code")?.Value);
            inner ??= wmiError.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value.Trim();
        }

        var local = subcode is null ? null : subcode[(subcode.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var kind = Classify(local, code);
        var text = $"{operation} on {target.Host}:{target.Port} failed: {Describe(kind)}";
        if (!string.IsNullOrEmpty(reason))
        {
            text += $": {reason}";
        }

        if (!string.IsNullOrEmpty(inner) && inner != reason)
        {
            text += $" ({inner})";
        }

        text += $" [WS-Man fault {subcode ?? "without subcode"}";
        if (code is { } c)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", code {c} (0x{c:X8})");
        }

        text += "]";
        return new CimException(kind, target, text) { FaultCode = code, FaultSubcode = subcode, HttpStatus = httpStatus };
    }

    private static uint? ParseCode(string? text) =>
        text is null ? null
        : uint.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code
        : text.Trim().StartsWith("0x", StringComparison.OrdinalIgnoreCase)
          && uint.TryParse(text.Trim()[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) ? hex
        : null;

    private static CimErrorKind Classify(string? subcode, uint? code) => (subcode, code) switch
    {
        ("AccessDenied", _) or (_, 5 or AccessDeniedHResult or WmiAccessDenied) => CimErrorKind.AccessDenied,
        ("InvalidSelectors", _) or (_, InvalidSelectors) => CimErrorKind.InvalidSelectors,
        ("CannotProcessFilter", _) or (_, CannotProcessFilter or WmiInvalidQuery) => CimErrorKind.InvalidQuery,
        ("DestinationUnreachable", _) or (_, ResourceNotFound or WmiNotFound or WmiInvalidClass) => CimErrorKind.NotFound,
        ("TimedOut", _) or (_, TimedOut) => CimErrorKind.Timeout,
        _ => CimErrorKind.Fault,
    };

    private static string Describe(CimErrorKind kind) => kind switch
    {
        CimErrorKind.AccessDenied => "access denied",
        CimErrorKind.InvalidSelectors => "the keys do not identify an instance of the class",
        CimErrorKind.InvalidQuery => "the query was refused",
        CimErrorKind.NotFound => "not found",
        CimErrorKind.Timeout => "the server's operation timeout passed",
        _ => "the server answered with a fault",
    };
}
