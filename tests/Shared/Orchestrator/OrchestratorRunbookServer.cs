namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>A runbook server of <see cref="OrchestratorWebService"/>.</summary>
internal sealed record OrchestratorRunbookServer(Guid Id, string Name);
