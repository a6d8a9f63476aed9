namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// Recurring maintenance (<c>/maintenance-schedules</c>): at each occurrence of <paramref name="Recurrence"/> the
/// <paramref name="Targets"/> go into maintenance for <paramref name="DurationMinutes"/>.
/// </summary>
/// <param name="Name">What people call it.</param>
/// <param name="Recurrence">A five-field cron expression (<c>0 2 * * 0</c>) or an iCalendar RRULE with its DTSTART.</param>
/// <param name="DurationMinutes">How long each occurrence lasts.</param>
/// <param name="Targets">The objects it puts into maintenance.</param>
/// <param name="Reason">One of SCOM's maintenance reasons (<c>PlannedOther</c>, …).</param>
public sealed record MaintenanceSchedule(string Name, string Recurrence, double DurationMinutes, IReadOnlyList<Guid> Targets, string Reason)
{
    /// <summary>Its id: given to replace an existing schedule, or chosen by the server.</summary>
    public Guid? Id { get; init; }

    /// <summary>The IANA time zone the recurrence is read in (default UTC).</summary>
    public string? TimeZone { get; init; }

    /// <summary>Whether what the targets host or contain follows them (default true).</summary>
    public bool? Recursive { get; init; }

    /// <summary>A comment shown with each window.</summary>
    public string? Comment { get; init; }

    /// <summary>Whether it runs (default true).</summary>
    public bool? Enabled { get; init; }

    /// <summary>When it was created (set by the server; ignored on input).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When it last changed (set by the server; ignored on input).</summary>
    public DateTimeOffset? Modified { get; init; }
}
