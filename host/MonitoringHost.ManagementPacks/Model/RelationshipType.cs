namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>RelationshipType</c>. Hosting derives from <c>System.Hosting</c>, membership from <c>System.Containment</c>.</summary>
public sealed record RelationshipType(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    string? Base,
    bool Abstract,
    RelationshipEndpoint Source,
    RelationshipEndpoint Target) : ManagementPackElement(Id, Accessibility, Location)
{
    public override ElementKind Kind => ElementKind.RelationshipType;
}
