using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A monitor's <c>AlertSettings</c>. <see cref="AlertMessage"/> names a string resource.</summary>
public sealed record AlertSettings(
    string? AlertMessage,
    string? AlertOnState,
    bool AutoResolve,
    string AlertPriority,
    string AlertSeverity,
    ImmutableArray<string> AlertParameters,
    SourceLocation Location);
