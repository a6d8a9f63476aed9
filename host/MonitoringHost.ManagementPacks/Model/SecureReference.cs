namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A Run As profile that workflows name in <c>RunAs</c> or <c>$RunAs[...]$</c>.</summary>
public sealed record SecureReference(string Id, Accessibility Accessibility, SourceLocation Location, string? Context)
    : ManagementPackElement(Id, Accessibility, Location)
{
    public override ElementKind Kind => ElementKind.SecureReference;
}
