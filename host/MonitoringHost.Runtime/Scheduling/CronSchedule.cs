using NCrontab;

namespace MonitoringHost.Runtime.Scheduling;

/// <summary>
/// A cron expression (five fields, or six with seconds first), for the host's own scheduled work; evaluated in UTC.
/// Packs' schedulers use <see cref="RecurringSchedule"/>.
/// </summary>
public sealed class CronSchedule : Schedule
{
    private readonly CrontabSchedule _schedule;

    public CronSchedule(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var withSeconds = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6;
        _schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = withSeconds })
            ?? throw new FormatException($"'{expression}' is not a cron expression (five fields, or six with seconds first)");
        Expression = expression;
        var first = _schedule.GetNextOccurrence(DateTime.UnixEpoch);
        Interval = _schedule.GetNextOccurrence(first) - first;
    }

    public string Expression { get; }

    /// <summary>The gap between the first two runs after the epoch; cron runs are not spread.</summary>
    public override TimeSpan Interval { get; }

    public override DateTimeOffset? Next(DateTimeOffset after, TimeSpan offset) =>
        new DateTimeOffset(_schedule.GetNextOccurrence(after.UtcDateTime), TimeSpan.Zero);
}
