using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A property of a class type. Rarely used attributes (Scale, RegEx, EnumType, …) are kept by name.</summary>
public sealed record ClassProperty(
    string Id,
    string Type,
    bool Key,
    bool CaseSensitive,
    int? MaxLength,
    bool Required,
    string? DefaultValue,
    ImmutableDictionary<string, string> OtherAttributes,
    SourceLocation Location);
