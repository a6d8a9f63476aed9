namespace MonitoringHost.Sdk.Contracts;

/// <summary>A management server of the pool (<c>GET /pool</c>).</summary>
/// <param name="Name">The server's name (its computer's).</param>
/// <param name="ObjectId">Its Microsoft.SystemCenter.ManagementServer object, when discovered.</param>
/// <param name="Started">When it started.</param>
/// <param name="Heartbeat">When it last answered.</param>
/// <param name="Objects">Objects whose workflows it runs.</param>
/// <param name="WorkflowInstances">Workflow instances it schedules.</param>
/// <param name="RunsInProgress">Workflow runs under way.</param>
public sealed record PoolMember(string Name, Guid? ObjectId, DateTimeOffset Started, DateTimeOffset Heartbeat, int Objects, int WorkflowInstances, int RunsInProgress);
