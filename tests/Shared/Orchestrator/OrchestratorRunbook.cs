namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>A runbook of <see cref="OrchestratorWebService"/> (the Runbook entity's properties; times are the server's local time).</summary>
internal sealed class OrchestratorRunbook
{
    public required Guid Id { get; init; }

    public Guid FolderId { get; init; } = Guid.Parse("d2b7c4e1-0a3f-4c6d-8e9b-1f2a3b4c5d60");

    public required string Name { get; set; }

    public string? Description { get; set; }

    public string CreatedBy { get; init; } = OrchestratorWebService.AdministratorSid;

    public required DateTime CreationTime { get; init; }

    public string LastModifiedBy { get; set; } = OrchestratorWebService.OperatorSid;

    public required DateTime LastModifiedTime { get; set; }

    public bool IsMonitor { get; set; }

    public required string Path { get; set; }

    /// <summary>The SID of who has it checked out; a checked-out runbook cannot be started.</summary>
    public string? CheckedOutBy { get; set; }

    public DateTime? CheckedOutTime { get; set; }
}
