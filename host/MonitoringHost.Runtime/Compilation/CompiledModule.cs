using System.Collections.Immutable;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Compilation;

/// <summary>
/// One native module of a compiled workflow: its type, its configuration with <c>$Config</c> and <c>$MPElement</c>
/// replaced (<c>$Target</c> tokens still in it when <see cref="BindsTarget"/>), the modules its output goes to and,
/// for the last modules of a workflow, where the workflow's output goes.
/// </summary>
public sealed class CompiledModule
{
    internal CompiledModule(int index, string path, ResolvedElement<ModuleType> type, NativeModuleFactory factory, XElement configuration)
    {
        Index = index;
        Path = path;
        Type = type;
        Factory = factory;
        Configuration = configuration;
        BindsTarget = ConfigurationText.Mentions(configuration, "$Target/");
        RunAs = [.. RunAsReference.In(configuration)];
    }

    public int Index { get; }

    /// <summary>Where the module sits: member IDs from the workflow down (<c>DS/Scheduler</c>).</summary>
    public string Path { get; }

    public ResolvedElement<ModuleType> Type { get; }

    public ModuleRole Role => Type.Element.Role;

    internal NativeModuleFactory Factory { get; }

    public XElement Configuration { get; }

    /// <summary>Whether the configuration names the target (<c>$Target/…$</c>): then each object gets its own copy.</summary>
    public bool BindsTarget { get; }

    /// <summary>
    /// The <c>$RunAs[…]$</c> tokens the configuration holds (profiles as <c>Pack!SecureReference</c> where they
    /// resolve): resolved per object when an instance is created, replaced by the module during a run.
    /// </summary>
    public ImmutableArray<RunAsReference> RunAs { get; }

    /// <summary>The modules this one's output feeds.</summary>
    public ImmutableArray<int> Next { get; internal set; } = [];

    /// <summary>Where this module's output leaves the workflow, if it does.</summary>
    public WorkflowExit? Exit { get; internal set; }

    /// <summary>The one module serving every instance, when the configuration names no target and the factory allows sharing.</summary>
    internal Modules.ModuleInstance? Shared { get; set; }

    /// <summary>Whether nothing feeds this module: a data source the scheduler or an event drives.</summary>
    public bool IsSource { get; internal set; }

    public override string ToString() => $"{Path} ({Type.Element.Id})";
}

/// <summary>Where a workflow's output goes: discovery data to the instance space; a monitor type state.</summary>
public sealed record WorkflowExit(WorkflowExitKind Kind, string? MonitorTypeState = null);

public enum WorkflowExitKind
{
    /// <summary>A rule's write action or a discovery's data source: the output is the workflow's result.</summary>
    Output,

    /// <summary>A unit monitor's regular detection: an item here puts the monitor in <see cref="WorkflowExit.MonitorTypeState"/>.</summary>
    MonitorState,
}
