namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A manifest reference: <c>Alias</c> names a sealed pack of at least <c>Version</c>.</summary>
public sealed record ManagementPackReference(
    string Alias,
    string Id,
    Version Version,
    string? PublicKeyToken,
    SourceLocation Location);
