using MonitoringHost.Discovery.Instances;

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
}
