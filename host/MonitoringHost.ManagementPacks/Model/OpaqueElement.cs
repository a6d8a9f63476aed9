using System.Xml.Linq;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>
/// An element the host does not interpret (views, folders, reports, templates, console tasks): kept as XML so that
/// a pack round-trips, and reported once as a warning.
/// </summary>
public sealed record OpaqueElement(string Id, Accessibility Accessibility, SourceLocation Location, string Section, XElement Xml)
    : ManagementPackElement(Id, Accessibility, Location)
{
    public override ElementKind Kind => ElementKind.Opaque;
}
