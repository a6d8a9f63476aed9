using System.Xml.Linq;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>Reusable XSD definitions that module configurations include. <see cref="Definitions"/> is the element holding them.</summary>
public sealed record SchemaType(string Id, Accessibility Accessibility, SourceLocation Location, XElement Definitions)
    : ManagementPackElement(Id, Accessibility, Location)
{
    public override ElementKind Kind => ElementKind.SchemaType;
}
