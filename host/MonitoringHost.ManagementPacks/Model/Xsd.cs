using System.Xml.Linq;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>Names in the XML Schema namespace that configurations use.</summary>
public static class Xsd
{
    public static readonly XNamespace Namespace = "http://www.w3.org/2001/XMLSchema";
    public static readonly XName Element = Namespace + "element";
    public static readonly XName Schema = Namespace + "schema";
}
