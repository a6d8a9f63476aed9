namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>
/// A runbook instance of <see cref="OrchestratorWebService"/>: <c>Running</c> while its job runs (CompletionTime
/// null), then <c>success</c>, <c>warning</c> or <c>failed</c>.
/// </summary>
internal sealed class OrchestratorRunbookInstance
{
    public required Guid Id { get; init; }

    public required Guid RunbookId { get; init; }

    public required Guid JobId { get; init; }

    public Guid? RunbookServerId { get; init; }

    public required string Status { get; set; }

    public required DateTime CreationTime { get; init; }

    public DateTime? CompletionTime { get; set; }
}
