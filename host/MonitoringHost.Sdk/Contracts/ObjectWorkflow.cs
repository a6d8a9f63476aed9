namespace MonitoringHost.Sdk.Contracts;

/// <summary>One workflow targeting an object, as it runs for it (<c>GET /objects/{id}/workflows</c>).</summary>
/// <param name="WorkflowId">The discovery, rule or monitor (<c>Pack!Element</c>).</param>
/// <param name="Kind"><c>Discovery</c>, <c>Rule</c> or <c>UnitMonitor</c>.</param>
/// <param name="Runs">Whether it runs for the object.</param>
/// <param name="Reason">Why not (disabled, unsupported module type, a configuration, target or Run As problem); null when it runs.</param>
/// <param name="RunCount">Runs since the instance was made.</param>
/// <param name="LastError">What failed in its last run (a module's message: a refused login, an unreachable computer…); null when it succeeded.</param>
/// <param name="MonitorTypeState">A unit monitor's last detection (its monitor type state); null before the first or for other workflows.</param>
public sealed record ObjectWorkflow(string WorkflowId, string Kind, bool Runs, string? Reason, int RunCount, string? LastError, string? MonitorTypeState);
