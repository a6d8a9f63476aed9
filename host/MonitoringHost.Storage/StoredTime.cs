namespace MonitoringHost.Storage;

/// <summary>
/// How times are stored: UTC, to the microsecond (PostgreSQL's precision; SQLite keeps the same so both dialects
/// return the same value). A time read back is the time written, converted to UTC and truncated to microseconds.
/// </summary>
public static class StoredTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    /// <summary>The value the store returns for <paramref name="time"/>.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset time) => new(UtcDateTime(time));

    /// <summary>The UTC time truncated to microseconds, as PostgreSQL's timestamptz takes it.</summary>
    internal static DateTime UtcDateTime(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTime(ticks - (ticks % TicksPerMicrosecond), DateTimeKind.Utc);
    }

    /// <summary>Microseconds since 1970-01-01T00:00:00Z, as SQLite keeps it.</summary>
    internal static long UnixMicroseconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTime.UnixEpoch.Ticks;
        return ticks >= 0 ? ticks / TicksPerMicrosecond : -((-ticks + TicksPerMicrosecond - 1) / TicksPerMicrosecond);
    }

    internal static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTime.UnixEpoch.Ticks + (microseconds * TicksPerMicrosecond), TimeSpan.Zero);

    internal static DateTimeOffset FromUtc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
