using System.Xml.Linq;

namespace MonitoringHost.Probes.WsMan;

/// <summary>The namespaces and action URIs of WS-Management as WinRM speaks it (MS-WSMV §2.2.1).</summary>
public static class WsManNames
{
    public static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static readonly XNamespace Enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static readonly XNamespace Transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static readonly XNamespace WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static readonly XNamespace Microsoft = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    public static readonly XNamespace Fault = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    public static readonly XNamespace Cim = "http://schemas.dmtf.org/wbem/wscim/1/common";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    public const string Get = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    public const string Enumerate = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
    public const string Pull = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull";
    public const string Release = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release";
    public const string WqlDialect = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    public const string WmiResourcePrefix = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
    public const string ContentType = "application/soap+xml;charset=UTF-8";

    /// <summary>The resource URI of a WMI class: <c>…/wmi/root/cimv2/Win32_Service</c> (<c>*</c> for WQL).</summary>
    public static string ResourceUri(string wmiNamespace, string className) =>
        WmiResourcePrefix + wmiNamespace.Replace('\\', '/').Trim('/') + "/" + className;
}
