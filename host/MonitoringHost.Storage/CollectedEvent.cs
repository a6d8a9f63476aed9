namespace MonitoringHost.Storage;

/// <summary>
/// A stored event: which collection rule collected it, for which object, when, the item's data type, and the
/// <c>System.Event.Data</c> fields that were present (null when the item did not carry one).
/// </summary>
public sealed record CollectedEvent(
    string WorkflowId,
    Guid TargetId,
    DateTimeOffset Time,
    string TypeName,
    long? EventNumber,
    int? EventLevel,
    int? EventCategory,
    string? Channel,
    string? PublisherName,
    string? LoggingComputer,
    string? UserName,
    string? Description);
