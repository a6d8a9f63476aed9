using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// <c>System.Performance.ConsecutiveSamplesCondition</c>: counts, per counter instance, how many samples in a row
/// have crossed the threshold, and emits a <see cref="ConsecutiveSamplesData"/> for every sample with that count as
/// its <c>Value</c>: a crossing sample adds one to the run, any other sample ends it (Value 0). Emitting for every
/// sample is what lets <c>System.Performance.ConsecutiveSamplesThreshold</c> work: its ConditionTrue detection
/// filters <c>Value &gt;= NumSamples</c> and its ConditionFalse detection <c>Value &lt; NumSamples</c>, so a monitor
/// goes unhealthy on the NumSamples-th crossing sample and recovers on the first sample that does not cross.
/// A sample whose counter could not be read (<c>IsNull</c>) says nothing about the threshold: it is not passed on
/// and leaves the run as it was. Items that are not samples end here.
/// </summary>
public sealed class ConsecutiveSamplesCondition(ConsecutiveSamplesConditionConfiguration configuration) : ConditionModule
{
    // Modules shared by cookdown may be run from several workflow instances at once.
    private readonly Lock _lock = new();
    private readonly Dictionary<SampleKey, Run> _runs = [];

    public ConsecutiveSamplesConditionConfiguration Configuration { get; } = configuration;

    public override DataItem? Evaluate(DataItem input)
    {
        if (PerformanceInput.Read(input) is not { IsNull: false } sample)
        {
            return null;
        }

        var key = SampleKey.Of(sample);
        Run run;
        lock (_lock)
        {
            var previous = _runs.GetValueOrDefault(key);
            run = !Configuration.Crosses(sample.Value) ? new Run(0, sample.Value)
                : previous.Length == 0 ? new Run(1, sample.Value)
                : new Run(previous.Length + 1, previous.FirstValue);
            _runs[key] = run;
        }

        return new ConsecutiveSamplesData(sample, run.Length, run.FirstValue);
    }

    private readonly record struct Run(long Length, double FirstValue);
}
