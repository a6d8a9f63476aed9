namespace MonitoringHost.ManagementPacks.Model;

/// <summary>Anything in a pack with an ID of its own.</summary>
public abstract record ManagementPackElement(string Id, Accessibility Accessibility, SourceLocation Location)
{
    public abstract ElementKind Kind { get; }
}
