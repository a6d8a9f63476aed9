using System.Collections.Concurrent;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Hosting;

/// <summary>
/// <c>System.Performance.DataProvider</c>, which reads Windows performance counters on the monitored computer and so
/// cannot run here: on each trigger it answers what a multi-instance read answers, one set with a
/// <c>System.Performance.Data</c> sample per counter instance (its configured object and counter, the instances and
/// values the test queued next; none queued, an empty set: no instance matched).
/// </summary>
internal sealed class PerformanceDataProviderDouble : NativeModuleFactory
{
    private readonly ConcurrentQueue<(string Instance, double Value)[]> _reads = new();

    public override string TypeId => "System.Performance.DataProvider";

    /// <summary>The configuration each module was made with, bound to its target: ComputerName, ObjectName, CounterName.</summary>
    public ConcurrentQueue<(string ComputerName, string ObjectName, string CounterName)> Bound { get; } = new();

    /// <summary>What the next read returns.</summary>
    public void Queue(params (string Instance, double Value)[] samples) => _reads.Enqueue(samples);

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var configuration = setup.Configuration;
        var objectName = configuration.Required("ObjectName");
        var counterName = configuration.Required("CounterName");
        Bound.Enqueue((configuration.Required("ComputerName"), objectName, counterName));
        return new Module(this, objectName, counterName);
    }

    private sealed class Module(PerformanceDataProviderDouble provider, string objectName, string counterName) : ModuleInstance
    {
        public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
        {
            var samples = provider._reads.TryDequeue(out var read) ? read : [];
            output.EmitSet(new DataItemSet(input.Time, samples.Select(s => new PerformanceData(input.Time, objectName, counterName, s.Instance, s.Value))));
            return ValueTask.CompletedTask;
        }
    }
}
