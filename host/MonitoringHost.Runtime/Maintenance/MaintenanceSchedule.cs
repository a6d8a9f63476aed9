using System.Collections.Immutable;

namespace MonitoringHost.Runtime.Maintenance;

/// <summary>
/// Recurring maintenance: at each occurrence of <see cref="Recurrence"/> (a cron expression, or an iCalendar RRULE
/// such as <c>FREQ=WEEKLY;BYDAY=SU;BYHOUR=2</c>) in the IANA time zone <see cref="TimeZone"/>, the
/// <see cref="Targets"/> go into maintenance for <see cref="Duration"/> (whole seconds).
/// </summary>
public sealed record MaintenanceSchedule(
    Guid Id,
    string Name,
    string Recurrence,
    string TimeZone,
    TimeSpan Duration,
    ImmutableArray<Guid> Targets,
    bool Recursive,
    MaintenanceReason Reason,
    string? Comment,
    bool Enabled,
    DateTimeOffset Created,
    DateTimeOffset Modified);
