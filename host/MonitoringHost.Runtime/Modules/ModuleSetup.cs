using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Credentials;

namespace MonitoringHost.Runtime.Modules;

/// <summary>What a native module is made from: its configuration (substituted for its target), where it sits, services.</summary>
public sealed class ModuleSetup
{
    /// <summary>The configuration, every <c>$Config</c>, <c>$Target</c>, <c>$MPElement</c> token replaced; <c>$Data</c> tokens remain.</summary>
    public required ModuleConfiguration Configuration { get; init; }

    /// <summary>The workflow (<c>Pack!Element</c>) the module runs in.</summary>
    public required string WorkflowId { get; init; }

    /// <summary>The module's ID path inside the workflow (<c>DS/Scheduler</c> for a member of a composite).</summary>
    public required string ModuleId { get; init; }

    /// <summary>The object the workflow instance targets.</summary>
    public required MonitoringObject Target { get; init; }

    public required RuntimeServices Services { get; init; }

    /// <summary>
    /// Finds an object of the instance space by id (null when there is none), to walk <see cref="Target"/>'s hosting
    /// chain: a remote module finds the computer it talks to this way. Outside a workflow host it finds nothing.
    /// </summary>
    public Func<Guid, MonitoringObject?> Objects { get; init; } = static _ => null;

    /// <summary>
    /// The Run As profiles the configuration names, resolved for <see cref="Target"/>. The configuration keeps its
    /// <c>$RunAs[…]$</c> tokens: a module replaces them during a run (<see cref="RunAsCredentials.Substitute"/>) and
    /// does not keep or log what it gets.
    /// </summary>
    public RunAsCredentials Credentials { get; init; } = RunAsCredentials.None;
}
