using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// <c>System.Performance.AveragerCondition</c>: per counter instance, the average of the latest NumSamples samples,
/// emitted as <c>System.Performance.Data</c> (the sample's names and time, <c>Value</c> the average,
/// <c>SampleCount</c> NumSamples) for every sample once NumSamples have been seen; before that the item ends here,
/// so a monitor comparing the average with a threshold never decides on fewer samples than it was configured for.
/// Samples whose counter could not be read (<c>IsNull</c>) are left out of the average and not passed on.
/// </summary>
public sealed class AveragerCondition(AveragerConditionConfiguration configuration) : ConditionModule
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SampleKey, SampleWindow> _windows = [];

    public AveragerConditionConfiguration Configuration { get; } = configuration;

    public override DataItem? Evaluate(DataItem input)
    {
        if (PerformanceInput.Read(input) is not { IsNull: false } sample)
        {
            return null;
        }

        double average;
        lock (_lock)
        {
            var key = SampleKey.Of(sample);
            if (!_windows.TryGetValue(key, out var window))
            {
                window = new SampleWindow(Configuration.NumSamples);
                _windows[key] = window;
            }

            window.Add(sample.Value);
            if (!window.IsFull)
            {
                return null;
            }

            average = window.Sum / window.Count;
        }

        return new PerformanceData(sample.TimeSampled, sample.ObjectName, sample.CounterName, sample.InstanceName, average, sampleCount: Configuration.NumSamples);
    }
}
