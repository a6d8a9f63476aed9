using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Reading;

/// <summary>How to read packs: what XML cannot say (sealed, key token), limits, and what fragments need.</summary>
public sealed record ManagementPackReadOptions
{
    /// <summary>The default size limit for one pack file: larger than any real pack, small enough to refuse a runaway file.</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    public static readonly ManagementPackReadOptions Default = new();

    /// <summary>Whether the packs read are sealed (the shipped libraries are).</summary>
    public bool Sealed { get; init; }

    /// <summary>The key token of sealed packs (Microsoft's is <c>31bf3856ad364e35</c>).</summary>
    public string? PublicKeyToken { get; init; }

    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Values for <c>##Token##</c> placeholders in fragment templates, by token name (without the #).</summary>
    public ImmutableDictionary<string, string> TemplateValues { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Alias → pack ID for fragments; wins over <c>RequiredReference</c> comments and the conventional aliases.</summary>
    public ImmutableDictionary<string, string> AliasMap { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The ID of the pack that fragments merge into; defaults to the folder or file name.</summary>
    public string? FragmentPackId { get; init; }

    public Version FragmentPackVersion { get; init; } = new(1, 0, 0, 0);
}
