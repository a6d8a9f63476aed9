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
    SourceLocation Location)
{
    /// <summary>Where each child element is (AlertPriority, AlertParameter1, …), for problems about one value.</summary>
    public ImmutableDictionary<string, SourceLocation> ChildLocations { get; init; } = ImmutableDictionary<string, SourceLocation>.Empty;

    /// <summary>The location of a child element, or of the settings when it is absent.</summary>
    public SourceLocation LocationOf(string child) => ChildLocations.GetValueOrDefault(child, Location);

    /// <summary>The location of AlertParameter<paramref name="index"/>+1.</summary>
    public SourceLocation ParameterLocation(int index) => LocationOf($"AlertParameter{index + 1}");
}
