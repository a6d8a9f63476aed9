namespace MonitoringHost.Sdk.Contracts;

/// <summary>One workflow (discovery, rule or monitor) targeting an object, as it runs for it (<c>GET /objects/{id}/workflows</c>).</summary>
/// <param name="WorkflowId">The workflow's MP-qualified name.</param>
/// <param name="Runs">Whether an instance of it runs for the object.</param>
/// <param name="Reason">Why not (disabled by an override, not remotable, an unsupported module, a configuration or Run As problem).</param>
/// <param name="RunCount">Runs so far since the instance was made.</param>
/// <param name="LastError">Why its last run failed (a remote computer refused, an authentication failed…); null when it went well.</param>
public sealed record ObjectWorkflow(string WorkflowId, bool Runs, string? Reason, int RunCount, string? LastError);
