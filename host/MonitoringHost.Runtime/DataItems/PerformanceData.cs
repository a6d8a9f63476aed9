using System.Collections.Immutable;
using System.Globalization;
using System.Xml;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// <c>System.Performance.Data</c>: one sample of a counter. Answers the paths packs read it with
/// (<c>TimeSampled</c>, <c>ObjectName</c>, <c>CounterName</c>, <c>InstanceName</c>, <c>IsNull</c>, <c>Value</c>,
/// <c>SampleCount</c>); numbers and times in invariant text, as the XML form carries them.
/// </summary>
public sealed class PerformanceData : DataItem
{
    private static readonly ImmutableArray<DataPath> NameElements = DataItemXml.Paths("TimeSampled", "ObjectName", "CounterName", "InstanceName");
    private static readonly DataPath IsNullPath = DataPath.Parse("IsNull");
    private static readonly ImmutableArray<DataPath> ValueElements = DataItemXml.Paths("Value", "SampleCount");

    public PerformanceData(
        DateTimeOffset timeSampled,
        string objectName,
        string counterName,
        string instanceName,
        double value,
        bool isNull = false,
        int sampleCount = 1)
        : base(timeSampled)
    {
        ArgumentNullException.ThrowIfNull(objectName);
        ArgumentNullException.ThrowIfNull(counterName);
        ArgumentNullException.ThrowIfNull(instanceName);
        ObjectName = objectName;
        CounterName = counterName;
        InstanceName = instanceName;
        Value = value;
        IsNull = isNull;
        SampleCount = sampleCount;
    }

    public override string TypeName => "System.Performance.Data";

    /// <summary>When the counter was read; also the item's <see cref="DataItem.Time"/>.</summary>
    public DateTimeOffset TimeSampled => Time;

    public string ObjectName { get; }

    public string CounterName { get; }

    /// <summary>The counter instance; empty for counters without instances.</summary>
    public string InstanceName { get; }

    /// <summary>True when the counter could not be read; <see cref="Value"/> is then meaningless.</summary>
    public bool IsNull { get; }

    public double Value { get; }

    /// <summary>How many raw samples the value stands for (1 for a plain reading, N for an average of N).</summary>
    public int SampleCount { get; }

    /// <summary>The sample as <c>ObjectName\CounterName(InstanceName)</c>, for messages.</summary>
    public override string ToString() =>
        InstanceName.Length == 0 ? $@"{ObjectName}\{CounterName}" : $@"{ObjectName}\{CounterName}({InstanceName})";

    protected override string? SelectValue(DataPath path) => path.Steps is [{ AttributeName: null, Position: 0 or 1, IsAttribute: false } step]
        ? step.Name switch
        {
            "TimeSampled" => FormatTime(TimeSampled),
            "ObjectName" => ObjectName,
            "CounterName" => CounterName,
            "InstanceName" => InstanceName,
            "IsNull" => IsNull ? "true" : "false",
            "Value" => FormatNumber(Value),
            "SampleCount" => SampleCount.ToString(CultureInfo.InvariantCulture),
            _ => null,
        }
        : null;

    /// <summary>
    /// <c>TimeSampled</c>, <c>ObjectName</c>, <c>CounterName</c>, <c>InstanceName</c>, <c>IsNull Type="Boolean"</c>,
    /// <c>Value</c>, <c>SampleCount</c>: <c>System.Performance.Data</c> as Operations Manager documents it.
    /// </summary>
    protected override void WriteContent(XmlWriter writer) => WriteSample(writer, this);

    /// <summary>
    /// The elements of a performance sample, with the text <paramref name="item"/> selects for each: the kinds
    /// derived from <c>System.Performance.BaseData</c> (consecutive samples…) share this shape with their own values.
    /// </summary>
    internal static void WriteSample(XmlWriter writer, DataItem item)
    {
        DataItemXml.Elements(writer, item, NameElements);
        writer.WriteStartElement(IsNullPath.First);
        writer.WriteAttributeString("Type", "Boolean");
        writer.WriteString(item.Select(IsNullPath));
        writer.WriteEndElement();
        DataItemXml.Elements(writer, item, ValueElements);
    }

    /// <summary>A number as the XML form writes it: invariant, round-trippable.</summary>
    internal static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
