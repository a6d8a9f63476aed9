using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>How a module type runs: composed of other modules, or a leaf the host implements.</summary>
public abstract record ModuleImplementation(string Isolation, SourceLocation Location);

/// <summary>Member modules wired by a composition tree.</summary>
public sealed record CompositeImplementation(
    string Isolation,
    SourceLocation Location,
    ImmutableArray<ModuleUsage> Members,
    ImmutableArray<CompositionNode> Composition) : ModuleImplementation(Isolation, Location);

/// <summary>A native (COM) leaf; the host supplies its own implementation by module type ID.</summary>
public sealed record NativeImplementation(string Isolation, SourceLocation Location, string ClassId)
    : ModuleImplementation(Isolation, Location);

/// <summary>A managed (.NET) leaf shipped as a pack resource.</summary>
public sealed record ManagedImplementation(string Isolation, SourceLocation Location, string Assembly, string Type)
    : ModuleImplementation(Isolation, Location);
