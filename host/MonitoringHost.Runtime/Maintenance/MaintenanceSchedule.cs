namespace MonitoringHost.Runtime.Maintenance;

/// <summary>
/// A recurring maintenance window: from each start of <see cref="Recurrence"/> (wall-clock times in its time zone)
/// for <see cref="Duration"/>, <see cref="Targets"/> are in maintenance (recursively by default).
/// </summary>
public sealed record MaintenanceSchedule(
    Guid Id,
    string Name,
    Recurrence Recurrence,
    TimeSpan Duration,
    IReadOnlyList<Guid> Targets,
    bool Recursive,
    MaintenanceReason Reason,
    string? Comment,
    bool Enabled);

/// <summary>One occurrence of a recurring window, in UTC.</summary>
public readonly record struct Occurrence(DateTimeOffset Start, DateTimeOffset End);
