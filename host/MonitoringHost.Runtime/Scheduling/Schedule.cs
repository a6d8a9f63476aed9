namespace MonitoringHost.Runtime.Scheduling;

/// <summary>When a scheduler data source fires.</summary>
public abstract class Schedule
{
    /// <summary>The interval runs are spread over: each workflow instance starts at its own offset within it.</summary>
    public abstract TimeSpan Interval { get; }

    /// <summary>
    /// The first run after <paramref name="after"/> for an instance whose runs are shifted by <paramref name="offset"/>
    /// (in [0, Interval); schedules aligned to wall-clock times, such as a <c>SyncTime</c>, ignore it); null when the
    /// schedule never fires again.
    /// </summary>
    public abstract DateTimeOffset? Next(DateTimeOffset after, TimeSpan offset);
}
