namespace MonitoringHost.ManagementPacks.Model;

/// <summary>An ID for alert messages; the text lives in the language packs' display strings.</summary>
public sealed record StringResource(string Id, Accessibility Accessibility, SourceLocation Location)
    : ManagementPackElement(Id, Accessibility, Location)
{
    public override ElementKind Kind => ElementKind.StringResource;
}
