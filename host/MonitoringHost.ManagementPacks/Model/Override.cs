namespace MonitoringHost.ManagementPacks.Model;

/// <summary>
/// Any override. <see cref="Element"/> is what it changes (the value of its Rule, Monitor, Discovery, Diagnostic,
/// Recovery or SecureReference attribute); <see cref="Module"/>/<see cref="Parameter"/> for configuration overrides,
/// <see cref="Property"/> for property overrides.
/// </summary>
public sealed record Override(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    OverrideKind OverrideKind,
    string Context,
    string? ContextInstance,
    bool Enforced,
    string? Element,
    string? Module,
    string? Parameter,
    string? Property,
    string? Value) : ManagementPackElement(Id, Accessibility, Location)
{
    public override ElementKind Kind => ElementKind.Override;
}
