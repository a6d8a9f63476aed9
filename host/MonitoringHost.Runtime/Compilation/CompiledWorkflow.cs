using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Runtime.Compilation;

/// <summary>
/// A discovery, rule or unit monitor compiled to native modules: composites expanded, configurations substituted
/// up to the target. Instantiated once per target object by the host. A workflow that names a module type the host
/// does not implement compiles to <see cref="Unsupported"/> and never runs.
/// </summary>
public sealed class CompiledWorkflow
{
    internal CompiledWorkflow(string packId, Workflow element, WorkflowKind kind, Guid guid, ImmutableArray<CompiledModule> modules, string? unsupported)
    {
        PackId = packId;
        Element = element;
        Kind = kind;
        Guid = guid;
        Modules = modules;
        Unsupported = unsupported;
    }

    /// <summary><c>Pack!Element</c>.</summary>
    public string Id => PackId + "!" + Element.Id;

    public string PackId { get; }

    public Workflow Element { get; }

    public WorkflowKind Kind { get; }

    /// <summary>The element's GUID (<c>$MPElement$</c>).</summary>
    public Guid Guid { get; }

    /// <summary>The target class's element ID.</summary>
    public string TargetClass => Element.Settings.Target;

    public bool Remotable => Element.Settings.Remotable;

    /// <summary>Native modules, sources first.</summary>
    public ImmutableArray<CompiledModule> Modules { get; }

    /// <summary>Why the workflow cannot run here ("unsupported module type X in workflow Y"), or null.</summary>
    public string? Unsupported { get; }

    /// <summary>
    /// Set when another part of the host does this workflow's work instead of the scheduler: a group's
    /// <c>GroupPopulator</c> discovery is evaluated by the group calculator over the instance space.
    /// </summary>
    public string? HandledBy { get; init; }

    /// <summary>
    /// Equal for two compilations exactly when they run the same: the same modules with the same configuration, wired
    /// the same way. The host keeps an object's instances when a pack set changes and this does not.
    /// </summary>
    public string Fingerprint => _fingerprint ??= string.Join(
        "\n",
        new[] { Id, Unsupported ?? "", HandledBy ?? "" }.Concat(Modules.Select(m =>
            $"{m.Path}|{m.Type.Key}|{string.Join(",", m.Next)}|{m.Exit}|{m.Configuration.ToString(System.Xml.Linq.SaveOptions.DisableFormatting)}")));

    private string? _fingerprint;

    public override string ToString() => Id;
}
