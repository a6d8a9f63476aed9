using System.Globalization;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// Reads the performance sample a threshold module is given. Usually a <see cref="PerformanceData"/>; any other item
/// that answers <c>Value</c> (and the names) the way <c>System.Performance.Data</c> does is read through its paths,
/// so a module chained after another performance module still works.
/// </summary>
internal static class PerformanceInput
{
    private static readonly DataPath ObjectNamePath = DataPath.Parse("ObjectName");
    private static readonly DataPath CounterNamePath = DataPath.Parse("CounterName");
    private static readonly DataPath InstanceNamePath = DataPath.Parse("InstanceName");
    private static readonly DataPath ValuePath = DataPath.Parse("Value");
    private static readonly DataPath IsNullPath = DataPath.Parse("IsNull");

    /// <summary>The sample, or null when <paramref name="item"/> carries no numeric <c>Value</c>.</summary>
    public static PerformanceData? Read(DataItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item is PerformanceData sample)
        {
            return sample;
        }

        if (item.Select(ValuePath) is not { } text || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var isNull = string.Equals(item.Select(IsNullPath), "true", StringComparison.OrdinalIgnoreCase);
        return new PerformanceData(item.Time, item.Select(ObjectNamePath) ?? "", item.Select(CounterNamePath) ?? "", item.Select(InstanceNamePath) ?? "", value, isNull);
    }
}
