namespace MonitoringHost.Sdk.Contracts;

/// <summary>An alert (<c>GET /alerts</c>, <c>GET /alerts/{id}</c>), with SCOM's fields.</summary>
/// <param name="Id">The alert's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">Its description.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="SeverityName">The name of <see cref="Severity"/>.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="PriorityName">The name of <see cref="Priority"/>.</param>
/// <param name="ResolutionState">0 New, 255 Closed, 1–254 custom.</param>
/// <param name="Category">Its category.</param>
/// <param name="MonitoringObjectId">The object it is about.</param>
/// <param name="MonitoringObjectDisplayName">That object's display name.</param>
/// <param name="MonitoringObjectPath">That object's path.</param>
/// <param name="MonitoringClassId">That object's class.</param>
/// <param name="IsMonitorAlert">Raised by a monitor (true) or a rule (false).</param>
/// <param name="RuleOrMonitorId">The rule or monitor that raised it.</param>
/// <param name="ProblemId">The problem id (the workflow's id).</param>
/// <param name="RepeatCount">How often it was raised again while open.</param>
/// <param name="Owner">Its owner.</param>
/// <param name="TicketId">The ticket that tracks it.</param>
public record MonitoringAlert(
    Guid Id,
    string Name,
    string Description,
    Severity Severity,
    string? SeverityName,
    Priority Priority,
    string? PriorityName,
    int ResolutionState,
    string? Category,
    Guid MonitoringObjectId,
    string MonitoringObjectDisplayName,
    string MonitoringObjectPath,
    string MonitoringClassId,
    bool IsMonitorAlert,
    string RuleOrMonitorId,
    Guid ProblemId,
    int RepeatCount,
    string? Owner,
    string? TicketId) : AlertCustomFields
{
    /// <summary>The data that raised it, as XML.</summary>
    public string? Context { get; init; }

    /// <summary>When it was first raised (UTC).</summary>
    public required DateTimeOffset TimeRaised { get; init; }

    /// <summary>When the server added it (UTC).</summary>
    public required DateTimeOffset TimeAdded { get; init; }

    /// <summary>When it last changed (UTC); <c>since=</c> compares with this.</summary>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>Who changed it last.</summary>
    public required string LastModifiedBy { get; init; }

    /// <summary>When it was closed (UTC), if it is.</summary>
    public DateTimeOffset? TimeResolved { get; init; }

    /// <summary>Who closed it, if it is.</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>The connector that holds it, if any.</summary>
    public Guid? ConnectorId { get; init; }

    /// <summary>Its version; the ETag is this number in quotes.</summary>
    public long Version { get; init; }

    /// <summary>Whether it is not closed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => ResolutionState != ResolutionStates.Closed;
}
