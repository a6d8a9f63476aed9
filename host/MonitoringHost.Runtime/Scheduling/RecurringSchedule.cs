namespace MonitoringHost.Runtime.Scheduling;

/// <summary>
/// <c>SimpleReccuringSchedule</c>: every <see cref="Interval"/>. Without a sync time, each instance runs at its own
/// offset within the interval (the host spreads instances so that a million of them do not all fire at once) on a
/// grid anchored at the Unix epoch, so a restart keeps every instance's phase. With a sync time (<c>HH:mm</c>, UTC on
/// this host) runs are aligned to that time of day and the offset is ignored. Runs inside an excluded range are skipped.
/// </summary>
public sealed class RecurringSchedule : Schedule
{
    public RecurringSchedule(TimeSpan interval, TimeSpan? syncTime = null, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)>? excluded = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Interval = interval;
        SyncTime = syncTime;
        Excluded = excluded ?? [];
    }

    public override TimeSpan Interval { get; }

    /// <summary>The time of day (UTC) runs align to, if any.</summary>
    public TimeSpan? SyncTime { get; }

    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Excluded { get; }

    public override DateTimeOffset? Next(DateTimeOffset after, TimeSpan offset)
    {
        var anchor = SyncTime is { } sync
            ? new DateTimeOffset(after.UtcDateTime.Date, TimeSpan.Zero) + sync
            : DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(Math.Abs(offset.Ticks) % Interval.Ticks);
        var candidate = anchor + TimeSpan.FromTicks(Steps(anchor, after) * Interval.Ticks);

        // Excluded ranges are few; each skip moves past one of them.
        for (var guard = 0; guard < 10_000 && Excluded.FirstOrDefault(r => candidate >= r.Start && candidate < r.End) is var (start, end) && end > start; guard++)
        {
            candidate = anchor + TimeSpan.FromTicks(Steps(anchor, end - TimeSpan.FromTicks(1)) * Interval.Ticks);
        }

        return candidate;
    }

    /// <summary>How many intervals from <paramref name="anchor"/> to the first run strictly after <paramref name="after"/>.</summary>
    private long Steps(DateTimeOffset anchor, DateTimeOffset after)
    {
        var elapsed = (after - anchor).Ticks;
        return elapsed < 0 ? -(-elapsed / Interval.Ticks) + (-elapsed % Interval.Ticks == 0 ? 1 : 0) : (elapsed / Interval.Ticks) + 1;
    }
}
