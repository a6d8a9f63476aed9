using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// <c>System.Performance.DeltaValueCondition</c>: per counter instance, how much the counter changed over the last
/// NumSamples sampling intervals: the latest sample minus the one NumSamples samples before it (NumSamples 1: minus
/// the previous sample). With Absolute false the change is in percent of the older value, and nothing is emitted
/// while that value is 0 (no percentage exists). Emitted as <c>System.Performance.Data</c> (the latest sample's names
/// and time, <c>Value</c> the signed change, <c>SampleCount</c> NumSamples + 1) once NumSamples + 1 samples have been
/// seen; before that the item ends here. Samples whose counter could not be read (<c>IsNull</c>) are skipped.
/// </summary>
public sealed class DeltaValueCondition(DeltaValueConditionConfiguration configuration) : ConditionModule
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SampleKey, SampleWindow> _windows = [];

    public DeltaValueConditionConfiguration Configuration { get; } = configuration;

    public override DataItem? Evaluate(DataItem input)
    {
        if (PerformanceInput.Read(input) is not { IsNull: false } sample)
        {
            return null;
        }

        double older;
        lock (_lock)
        {
            var key = SampleKey.Of(sample);
            if (!_windows.TryGetValue(key, out var window))
            {
                window = new SampleWindow(Configuration.NumSamples + 1);
                _windows[key] = window;
            }

            window.Add(sample.Value);
            if (!window.IsFull)
            {
                return null;
            }

            older = window.Oldest;
        }

        var change = sample.Value - older;
        if (!Configuration.Absolute)
        {
            if (older == 0)
            {
                return null;
            }

            change = change / Math.Abs(older) * 100;
        }

        return new PerformanceData(sample.TimeSampled, sample.ObjectName, sample.CounterName, sample.InstanceName, change, sampleCount: Configuration.NumSamples + 1);
    }
}
