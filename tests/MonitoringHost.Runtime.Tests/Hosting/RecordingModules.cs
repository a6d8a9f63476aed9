using System.Collections.Concurrent;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Hosting;

/// <summary>One run of the test pack's <c>Test.Runtime.Record</c> write action: which workflow, which object, its bound value, when.</summary>
internal sealed record Recorded(string WorkflowId, string TargetPath, string Value, DateTimeOffset Time);

/// <summary>The test pack's <c>Test.Runtime.Record</c> write action: records its bound Value on every input.</summary>
internal sealed class RecordFactory(ConcurrentQueue<Recorded> records) : NativeModuleFactory
{
    public override string TypeId => "Test.Runtime.Record";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        var value = setup.Configuration.Optional("Value") ?? "";
        return new Module(records, setup.WorkflowId, setup.Target.Path, DataTemplate.Parse(value));
    }

    private sealed class Module(ConcurrentQueue<Recorded> records, string workflow, string target, DataTemplate value) : ModuleInstance
    {
        public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
        {
            records.Enqueue(new Recorded(workflow, target, value.Render(input), input.Time));
            output.Emit(input);
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Sinks and results that keep what they are given.</summary>
internal sealed class RecordingSinks : IAlertSink, IDiscoverySink, ICollectedDataSink, IWorkflowResults
{
    public ConcurrentQueue<AlertRequest> Alerts { get; } = new();

    public ConcurrentQueue<DiscoveryData> Discovered { get; } = new();

    public ConcurrentQueue<(string Workflow, Guid Target, DataItem Item)> Collected { get; } = new();

    public ConcurrentQueue<(WorkflowInstance Instance, DataItem Item)> Outputs { get; } = new();

    public ConcurrentQueue<(WorkflowInstance Instance, string State, DataItem Cause)> States { get; } = new();

    public void Raise(AlertRequest alert) => Alerts.Enqueue(alert);

    public Task SubmitAsync(DiscoveryData data, CancellationToken cancellationToken)
    {
        Discovered.Enqueue(data);
        return Task.CompletedTask;
    }

    public void Collect(string workflowId, Guid targetId, DataItem item) => Collected.Enqueue((workflowId, targetId, item));

    public Task OutputAsync(WorkflowInstance instance, DataItem item, CancellationToken cancellationToken)
    {
        Outputs.Enqueue((instance, item));
        return Task.CompletedTask;
    }

    public void MonitorState(WorkflowInstance instance, string state, DataItem cause) => States.Enqueue((instance, state, cause));
}

/// <summary>The test pack's <c>Test.Runtime.Probe</c>: counts its runs per Name and outputs a bag naming the run.</summary>
internal sealed class CountingProbeFactory : NativeModuleFactory
{
    public ConcurrentDictionary<string, int> Runs { get; } = new(StringComparer.Ordinal);

    public override string TypeId => "Test.Runtime.Probe";

    public override ModuleInstance Create(ModuleSetup setup) => new Module(this, setup.Configuration.Required("Name"));

    /// <summary>Probes with this Name never answer: they wait until their run is cancelled.</summary>
    public const string Hangs = "hangs";

    private int _hanging;

    /// <summary>Probes waiting for their run to be cancelled right now.</summary>
    public int Hanging => Volatile.Read(ref _hanging);

    private sealed class Module(CountingProbeFactory factory, string name) : ModuleInstance
    {
        public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
        {
            var run = factory.Runs.AddOrUpdate(name, 1, (_, n) => n + 1);
            if (name == Hangs)
            {
                Interlocked.Increment(ref factory._hanging);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref factory._hanging);
                }
            }

            output.Emit(new PropertyBagData(input.Time, [new("Probe", $"{name}#{run}")]));
        }
    }
}
