using System.Collections.Immutable;
using System.Xml.Linq;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>
/// A module or monitor type's <c>&lt;Configuration&gt;</c>: the schema types it includes and its <c>xsd:element</c>
/// declarations, in order. <see cref="Element"/> is null when the type takes no configuration.
/// </summary>
public sealed record ModuleConfigurationSchema(ImmutableArray<string> IncludedSchemaTypes, XElement? Element)
{
    public static readonly ModuleConfigurationSchema Empty = new([], null);

    /// <summary>The names of the top-level configuration elements, in declared order.</summary>
    public ImmutableArray<string> ElementNames { get; } = Element is null
        ? []
        : [.. Element.Elements(Xsd.Element).Select(e => (string?)e.Attribute("name")).OfType<string>()];
}
