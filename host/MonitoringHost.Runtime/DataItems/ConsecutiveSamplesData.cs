using System.Collections.Immutable;
using System.Globalization;
using System.Xml;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// <c>System.Performance.ConsecutiveSamplesData</c>, what <c>System.Performance.ConsecutiveSamplesCondition</c> emits
/// for each sample: the sample's names and time, and in <c>Value</c> how many samples in a row, this one included,
/// have crossed the threshold (0 when this one has not). Monitor types compare <c>Value</c> with their NumSamples.
/// <c>FirstValue</c> and <c>LastValue</c> are the counter values at the start of the run and now; <c>SampleCount</c>
/// repeats the run length.
/// </summary>
public sealed class ConsecutiveSamplesData : DataItem
{
    private static readonly ImmutableArray<DataPath> RunElements = DataItemXml.Paths("FirstValue", "LastValue");

    public ConsecutiveSamplesData(PerformanceData sample, long consecutiveSamples, double firstValue)
        : base(sample?.Time ?? throw new ArgumentNullException(nameof(sample)))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(consecutiveSamples);
        Sample = sample;
        ConsecutiveSamples = consecutiveSamples;
        FirstValue = firstValue;
    }

    public override string TypeName => "System.Performance.ConsecutiveSamplesData";

    /// <summary>The sample this item was made for.</summary>
    public PerformanceData Sample { get; }

    /// <summary>Samples in a row that crossed the threshold, ending with <see cref="Sample"/> (0: it did not cross).</summary>
    public long ConsecutiveSamples { get; }

    /// <summary>The value of the first sample of the run (the sample's own value when the run is 0 or 1 long).</summary>
    public double FirstValue { get; }

    public double LastValue => Sample.Value;

    protected override string? SelectValue(DataPath path)
    {
        if (path.Steps is not [{ AttributeName: null, Position: 0 or 1, IsAttribute: false } step])
        {
            return null;
        }

        return step.Name switch
        {
            "Value" or "SampleCount" => ConsecutiveSamples.ToString(CultureInfo.InvariantCulture),
            "FirstValue" => PerformanceData.FormatNumber(FirstValue),
            "LastValue" => PerformanceData.FormatNumber(LastValue),
            _ => Sample.Select(path),
        };
    }

    /// <summary>The sample's elements with this item's <c>Value</c> and <c>SampleCount</c> (the run length), then <c>FirstValue</c> and <c>LastValue</c>.</summary>
    protected override void WriteContent(XmlWriter writer)
    {
        PerformanceData.WriteSample(writer, this);
        DataItemXml.Elements(writer, this, RunElements);
    }
}
