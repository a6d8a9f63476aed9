using System.Globalization;
using System.Xml.Linq;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Scheduling;

/// <summary>
/// Reads a <c>Scheduler</c> element (System.SchedulerSchema's PublicSchedulerType): a <c>SimpleReccuringSchedule</c>
/// (Interval with Unit Seconds, Minutes, Hours or Days; optional SyncTime <c>HH:mm</c>) and optional
/// <c>ExcludeDates/DateRange</c> (Start, End). Weekly windows are refused with a clear message.
/// </summary>
public static class SchedulerConfiguration
{
    public static RecurringSchedule Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var scheduler = configuration.RequiredChild("Scheduler");
        if (Child(scheduler, "WeeklySchedule") is not null)
        {
            throw configuration.Problem("Scheduler/WeeklySchedule", "is not supported by this host: use a SimpleReccuringSchedule");
        }

        var recurring = Child(scheduler, "SimpleReccuringSchedule") ?? throw configuration.Problem("Scheduler/SimpleReccuringSchedule", "is missing");
        var interval = Child(recurring, "Interval") ?? throw configuration.Problem("Scheduler/SimpleReccuringSchedule/Interval", "is missing");
        if (!long.TryParse(interval.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            throw configuration.Problem("Scheduler/SimpleReccuringSchedule/Interval", $"'{interval.Value.Trim()}' is not a positive whole number");
        }

        var unit = (string?)interval.Attribute("Unit") ?? "Seconds";
        var length = unit switch
        {
            "Seconds" => TimeSpan.FromSeconds(count),
            "Minutes" => TimeSpan.FromMinutes(count),
            "Hours" => TimeSpan.FromHours(count),
            "Days" => TimeSpan.FromDays(count),
            _ => throw configuration.Problem("Scheduler/SimpleReccuringSchedule/Interval/@Unit", $"'{unit}' is not Seconds, Minutes, Hours or Days"),
        };

        TimeSpan? sync = null;
        if (Child(recurring, "SyncTime")?.Value.Trim() is { Length: > 0 } syncText)
        {
            sync = TimeSpan.TryParseExact(syncText, ["hh\\:mm", "h\\:mm", "hh\\:mm\\:ss"], CultureInfo.InvariantCulture, out var time) && time < TimeSpan.FromDays(1)
                ? time
                : throw configuration.Problem("Scheduler/SimpleReccuringSchedule/SyncTime", $"'{syncText}' is not a time of day (HH:mm)");
        }

        var excluded = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (var range in Child(scheduler, "ExcludeDates")?.Elements().Where(e => e.Name.LocalName == "DateRange") ?? [])
        {
            excluded.Add((Time(configuration, range, "Start"), Time(configuration, range, "End")));
        }

        return new RecurringSchedule(length, sync, excluded);
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static DateTimeOffset Time(ModuleConfiguration configuration, XElement range, string name)
    {
        var text = Child(range, name)?.Value.Trim() ?? "";
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw configuration.Problem($"Scheduler/ExcludeDates/DateRange/{name}", $"'{text}' is not a date and time");
    }
}
