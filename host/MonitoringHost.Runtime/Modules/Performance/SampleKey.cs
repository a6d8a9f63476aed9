using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// Which counter instance a sample belongs to. Stateful threshold modules keep their history per key: one data
/// source with <c>AllInstances</c> feeds the samples of every instance of a counter through the same module, and
/// the instances must not be averaged or counted together.
/// </summary>
internal readonly record struct SampleKey(string ObjectName, string CounterName, string InstanceName)
{
    public static SampleKey Of(PerformanceData sample) => new(sample.ObjectName, sample.CounterName, sample.InstanceName);
}
