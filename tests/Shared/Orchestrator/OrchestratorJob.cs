namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>A job of <see cref="OrchestratorWebService"/>: <c>Pending</c>, <c>Running</c>, <c>Completed</c> or <c>Canceled</c>.</summary>
internal sealed class OrchestratorJob
{
    public required Guid Id { get; init; }

    public required Guid RunbookId { get; init; }

    /// <summary>The job's parameters as the service keeps them: <c>&lt;Data&gt;&lt;Parameter&gt;…&lt;/Data&gt;</c>, or null.</summary>
    public string? Parameters { get; init; }

    /// <summary>The runbook server names the job was asked to run on (comma-separated), or null.</summary>
    public string? RunbookServers { get; init; }

    public Guid? RunbookServerId { get; set; }

    public required string Status { get; set; }

    public string CreatedBy { get; init; } = OrchestratorWebService.OperatorSid;

    public required DateTime CreationTime { get; init; }

    public string LastModifiedBy { get; set; } = OrchestratorWebService.OperatorSid;

    public required DateTime LastModifiedTime { get; set; }
}
