namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A data item type. Module inputs and outputs are checked for compatibility through <see cref="Base"/>.</summary>
public sealed record DataType(string Id, Accessibility Accessibility, SourceLocation Location, string? Base, bool Abstract)
    : ManagementPackElement(Id, Accessibility, Location)
{
    public override ElementKind Kind => ElementKind.DataType;
}
