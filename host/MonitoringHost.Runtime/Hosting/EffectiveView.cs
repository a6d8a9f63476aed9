using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Overrides;

namespace MonitoringHost.Runtime.Hosting;

/// <summary>
/// What one workflow does for one object: whether it runs, why not (disabled and by which override, not remotable
/// on an agentless-managed computer, an unsupported module), and its effective settings.
/// </summary>
public sealed record EffectiveView(string WorkflowId, bool Runs, string? Reason, IReadOnlyList<EffectiveSetting> Settings, CompiledWorkflow? Compiled);
