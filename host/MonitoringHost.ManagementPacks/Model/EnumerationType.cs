namespace MonitoringHost.ManagementPacks.Model;

/// <summary>An <c>EnumerationValue</c> (mostly Service Manager packs); <see cref="Parent"/> builds the tree.</summary>
public sealed record EnumerationType(string Id, Accessibility Accessibility, SourceLocation Location, string? Parent, double? Ordinal)
    : ManagementPackElement(Id, Accessibility, Location)
{
    public override ElementKind Kind => ElementKind.EnumerationType;
}
