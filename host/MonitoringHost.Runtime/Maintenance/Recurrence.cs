using System.Globalization;
using NCrontab;

namespace MonitoringHost.Runtime.Maintenance;

/// <summary>
/// When a recurring window starts: a cron expression (five fields) or an iCalendar RRULE, read as wall-clock times in
/// an IANA time zone. Daylight saving time is handled as people expect: a start that falls into the hour skipped in
/// spring moves forward by the gap (02:30 becomes 03:30), and a start in the hour repeated in autumn happens once, at
/// its first occurrence.
/// </summary>
public abstract class Recurrence
{
    private protected Recurrence(string text, TimeZoneInfo zone)
    {
        Text = text;
        Zone = zone;
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>
    /// Reads <paramref name="text"/>: an RRULE (<c>FREQ=…</c>, optionally prefixed <c>RRULE:</c>; it needs the local
    /// wall-clock time of the first occurrence, either as <paramref name="start"/> or written before it as iCalendar
    /// does, <c>DTSTART:20261128T220000</c> on its own line or followed by <c>;</c>) or else a five-field cron
    /// expression. <paramref name="timeZone"/> is an IANA name (<c>Europe/Berlin</c>) or <c>UTC</c>.
    /// </summary>
    /// <exception cref="FormatException">What is wrong, and where.</exception>
    public static Recurrence Parse(string text, string timeZone, DateTime? start = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new FormatException($"'{timeZone}' is not a time zone (use an IANA name such as Europe/Berlin, or UTC)");
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith("DTSTART:", StringComparison.OrdinalIgnoreCase))
        {
            var end = trimmed.IndexOfAny(['\n', ';']);
            var value = end < 0 ? trimmed[8..] : trimmed[8..end];
            start = DateTime.TryParseExact(value.Trim(), "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                ? first
                : throw new FormatException($"DTSTART:{value.Trim()} is not a local time like 20261128T220000");
            trimmed = end < 0 ? string.Empty : trimmed[(end + 1)..].Trim();
        }

        if (trimmed.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("FREQ=", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains(";FREQ=", StringComparison.OrdinalIgnoreCase))
        {
            return new RecurrenceRule(trimmed, zone, start ?? throw new FormatException("an RRULE needs the start of its first occurrence (DTSTART)"));
        }

        var cron = CrontabSchedule.TryParse(trimmed);
        return cron is null
            ? throw new FormatException($"'{trimmed}' is neither an RRULE (FREQ=…) nor a five-field cron expression (minute hour day month weekday)")
            : new CronRecurrence(trimmed, zone, cron);
    }

    /// <summary>The first start strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, Zone).DateTime;

        // A local time can map to an instant at or before 'after' (the hour repeated in autumn): look further.
        for (var guard = 0; guard < 4; guard++)
        {
            if (NextLocal(local) is not { } next)
            {
                return null;
            }

            var instant = ToInstant(next);
            if (instant > after)
            {
                return instant;
            }

            local = next;
        }

        return null;
    }

    /// <summary>The occurrence under way at <paramref name="now"/> when each lasts <paramref name="duration"/>, or null.</summary>
    public Occurrence? Current(DateTimeOffset now, TimeSpan duration)
    {
        if (Next(now - duration) is { } start && start <= now)
        {
            // The latest start within the last 'duration' is the one under way.
            var latest = start;
            while (Next(latest) is { } later && later <= now)
            {
                latest = later;
            }

            return new Occurrence(latest, latest + duration);
        }

        return null;
    }

    /// <summary>The first wall-clock start strictly after <paramref name="after"/> (local time of <see cref="Zone"/>).</summary>
    protected abstract DateTime? NextLocal(DateTime after);

    /// <summary>The instant of a wall-clock time: a skipped time moves forward by the gap; a repeated time is its first occurrence.</summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // Spring forward: the offset before the gap, applied to the wall-clock time, lands after the gap.
            var before = Zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public override string ToString() => $"{Text} ({Zone.Id})";

    private sealed class CronRecurrence(string text, TimeZoneInfo zone, CrontabSchedule cron) : Recurrence(text, zone)
    {
        protected override DateTime? NextLocal(DateTime after) => cron.GetNextOccurrence(after);
    }
}

/// <summary>
/// The RRULE subset maintenance windows need: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY (weekdays; in MONTHLY also
/// with an ordinal such as 1MO or -1FR), BYMONTHDAY, BYHOUR, BYMINUTE, COUNT and UNTIL (UTC, <c>…Z</c>). Times of day
/// not given by BYHOUR/BYMINUTE are the start's.
/// </summary>
internal sealed class RecurrenceRule : Recurrence
{
    private static readonly string[] s_days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    private readonly DateTime _start;
    private readonly string _frequency;
    private readonly int _interval = 1;
    private readonly List<(int Ordinal, DayOfWeek Day)> _byDay = [];
    private readonly List<int> _byMonthDay = [];
    private readonly List<int> _byHour = [];
    private readonly List<int> _byMinute = [];
    private readonly int? _count;
    private readonly DateTimeOffset? _until;

    public RecurrenceRule(string text, TimeZoneInfo zone, DateTime start)
        : base(text, zone)
    {
        _start = DateTime.SpecifyKind(start, DateTimeKind.Unspecified);
        var body = text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) ? text[6..] : text;
        string? frequency = null;
        foreach (var part in body.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                throw new FormatException($"RRULE part '{part}' is not NAME=VALUE");
            }

            var (name, value) = (pair[0].Trim().ToUpperInvariant(), pair[1].Trim().ToUpperInvariant());
            switch (name)
            {
                case "FREQ" when value is "DAILY" or "WEEKLY" or "MONTHLY":
                    frequency = value;
                    break;
                case "FREQ":
                    throw new FormatException($"RRULE FREQ={value} is not supported (DAILY, WEEKLY or MONTHLY)");
                case "INTERVAL":
                    _interval = Number(name, value, 1, 1000);
                    break;
                case "BYDAY":
                    _byDay.AddRange(value.Split(',').Select(Day));
                    break;
                case "BYMONTHDAY":
                    _byMonthDay.AddRange(value.Split(',').Select(v => Number(name, v, -31, 31)));
                    break;
                case "BYHOUR":
                    _byHour.AddRange(value.Split(',').Select(v => Number(name, v, 0, 23)));
                    break;
                case "BYMINUTE":
                    _byMinute.AddRange(value.Split(',').Select(v => Number(name, v, 0, 59)));
                    break;
                case "COUNT":
                    _count = Number(name, value, 1, int.MaxValue);
                    break;
                case "UNTIL":
                    _until = DateTimeOffset.TryParseExact(value, ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var until)
                        ? until
                        : throw new FormatException($"RRULE UNTIL={value} is not a UTC time like 20261231T235959Z");
                    break;
                case "WKST":
                    break;
                default:
                    throw new FormatException($"RRULE part {name} is not supported");
            }
        }

        _frequency = frequency ?? throw new FormatException("an RRULE needs FREQ");
        if (_byMonthDay.Count > 0 && _frequency != "MONTHLY")
        {
            throw new FormatException("RRULE BYMONTHDAY needs FREQ=MONTHLY");
        }

        if (_byDay.Any(d => d.Ordinal != 0) && _frequency != "MONTHLY")
        {
            throw new FormatException("an RRULE BYDAY with an ordinal (1MO, -1FR) needs FREQ=MONTHLY");
        }
    }

    protected override DateTime? NextLocal(DateTime after)
    {
        var produced = 0;
        for (var period = 0; period < 100_000; period++)
        {
            foreach (var candidate in Period(period))
            {
                if (candidate < _start)
                {
                    continue;
                }

                if (_until is { } until && ToInstant(candidate) > until)
                {
                    return null;
                }

                if (++produced > _count)
                {
                    return null;
                }

                if (candidate > after)
                {
                    return candidate;
                }
            }

            // Without COUNT, whole periods before 'after' can be skipped.
            if (_count is null && period == 0)
            {
                period = Math.Max(0, FirstPeriodNear(after) - 1);
            }
        }

        return null;
    }

    /// <summary>The starts in period <paramref name="index"/> (days, weeks or months from the start, INTERVAL apart), in order.</summary>
    private IEnumerable<DateTime> Period(int index)
    {
        var days = new List<DateTime>();
        switch (_frequency)
        {
            case "DAILY":
                var day = _start.Date.AddDays((long)index * _interval);
                if (_byDay.Count == 0 || _byDay.Any(d => d.Day == day.DayOfWeek))
                {
                    days.Add(day);
                }

                break;
            case "WEEKLY":
                var weekStart = _start.Date.AddDays(-(((int)_start.DayOfWeek + 6) % 7)).AddDays(7L * index * _interval);
                days.AddRange(Enumerable.Range(0, 7).Select(d => weekStart.AddDays(d))
                    .Where(d => _byDay.Count == 0 ? d.DayOfWeek == _start.DayOfWeek : _byDay.Any(b => b.Day == d.DayOfWeek)));
                break;
            default:
                var month = new DateTime(_start.Year, _start.Month, 1).AddMonths(index * _interval);
                var length = DateTime.DaysInMonth(month.Year, month.Month);
                var all = Enumerable.Range(0, length).Select(d => month.AddDays(d)).ToList();
                IEnumerable<DateTime> chosen = _byMonthDay.Count == 0 && _byDay.Count == 0
                    ? all.Where(d => d.Day == _start.Day)
                    : all.Where(d => (_byMonthDay.Count == 0 || _byMonthDay.Any(m => m > 0 ? d.Day == m : d.Day == length + m + 1))
                        && (_byDay.Count == 0 || _byDay.Any(b => b.Day == d.DayOfWeek && OrdinalMatches(b.Ordinal, d, all))));
                days.AddRange(chosen);
                break;
        }

        var hours = _byHour.Count == 0 ? [_start.Hour] : _byHour.Order().ToList();
        var minutes = _byMinute.Count == 0 ? [_start.Minute] : _byMinute.Order().ToList();
        return days.SelectMany(d => hours.SelectMany(h => minutes.Select(m => d.AddHours(h).AddMinutes(m).AddSeconds(_start.Second))));
    }

    private static bool OrdinalMatches(int ordinal, DateTime day, List<DateTime> month)
    {
        if (ordinal == 0)
        {
            return true;
        }

        var same = month.Where(d => d.DayOfWeek == day.DayOfWeek).ToList();
        var index = same.IndexOf(day);
        return ordinal > 0 ? index == ordinal - 1 : index == same.Count + ordinal;
    }

    private int FirstPeriodNear(DateTime after) => _frequency switch
    {
        "DAILY" => (int)((after.Date - _start.Date).TotalDays / _interval),
        "WEEKLY" => (int)((after.Date - _start.Date).TotalDays / 7 / _interval),
        _ => (((after.Year - _start.Year) * 12) + after.Month - _start.Month) / _interval,
    };

    private static (int Ordinal, DayOfWeek Day) Day(string value)
    {
        var code = value.Length >= 2 ? value[^2..] : value;
        var index = Array.IndexOf(s_days, code);
        if (index < 0)
        {
            throw new FormatException($"RRULE BYDAY value '{value}' is not a weekday (MO, TU, WE, TH, FR, SA, SU, optionally with an ordinal such as 1MO or -1FR)");
        }

        var ordinal = value.Length > 2 ? Number("BYDAY", value[..^2], -5, 5) : 0;
        return (ordinal, (DayOfWeek)index);
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException($"RRULE {name}={value} is not a number from {min} to {max}");
}
