using System.Globalization;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Storage;

/// <summary>
/// Turns what a collection rule hands over into a row. Items are read through their data paths, so any item that
/// answers like <c>System.Performance.Data</c> (or <c>System.Event.Data</c>) is stored, whichever class carries it.
/// </summary>
internal static class CollectedItems
{
    private static readonly DataPath ObjectName = DataPath.Parse("ObjectName");
    private static readonly DataPath CounterName = DataPath.Parse("CounterName");
    private static readonly DataPath InstanceName = DataPath.Parse("InstanceName");
    private static readonly DataPath Value = DataPath.Parse("Value");
    private static readonly DataPath IsNull = DataPath.Parse("IsNull");
    private static readonly DataPath TimeSampled = DataPath.Parse("TimeSampled");
    private static readonly DataPath EventNumber = DataPath.Parse("EventNumber");
    private static readonly DataPath EventDisplayNumber = DataPath.Parse("EventDisplayNumber");
    private static readonly DataPath EventLevel = DataPath.Parse("EventLevel");
    private static readonly DataPath EventCategory = DataPath.Parse("EventCategory");
    private static readonly DataPath Channel = DataPath.Parse("Channel");
    private static readonly DataPath PublisherName = DataPath.Parse("PublisherName");
    private static readonly DataPath EventSourceName = DataPath.Parse("EventSourceName");
    private static readonly DataPath LoggingComputer = DataPath.Parse("LoggingComputer");
    private static readonly DataPath UserName = DataPath.Parse("UserName");
    private static readonly DataPath EventDescription = DataPath.Parse("EventDescription");

    /// <summary>
    /// A sample for performance data (an item with a counter name, or of a <c>System.Performance.</c> type), else an event.
    /// </summary>
    public static PendingRow ToRow(string workflowId, Guid targetId, DataItem item)
    {
        ArgumentNullException.ThrowIfNull(workflowId);
        ArgumentNullException.ThrowIfNull(item);
        if (item is PerformanceData sample)
        {
            return new PendingRow(new PerformanceSample(workflowId, targetId, sample.ObjectName, sample.CounterName, sample.InstanceName,
                sample.IsNull ? null : sample.Value, sample.TimeSampled), null, null);
        }

        if (item.TypeName.StartsWith("System.Performance.", StringComparison.Ordinal) || item.Select(CounterName) is not null)
        {
            var isNull = string.Equals(item.Select(IsNull), "true", StringComparison.OrdinalIgnoreCase);
            return new PendingRow(new PerformanceSample(workflowId, targetId, item.Select(ObjectName) ?? "", item.Select(CounterName) ?? "",
                item.Select(InstanceName) ?? "", isNull ? null : Number(item.Select(Value)), Time(item.Select(TimeSampled)) ?? item.Time), null, null);
        }

        return new PendingRow(null, new CollectedEvent(
            workflowId,
            targetId,
            item.Time,
            item.TypeName,
            Integer(item.Select(EventDisplayNumber) ?? item.Select(EventNumber)),
            Int32(item.Select(EventLevel)),
            Int32(item.Select(EventCategory)),
            item.Select(Channel),
            item.Select(PublisherName) ?? item.Select(EventSourceName),
            item.Select(LoggingComputer),
            item.Select(UserName),
            item.Select(EventDescription)), null);
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    // Text that is not a whole number is not kept as one (the description still carries what the event said).
    private static long? Integer(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? Int32(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
