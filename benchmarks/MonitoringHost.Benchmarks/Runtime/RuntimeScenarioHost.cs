using System.Text;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Storage;

namespace MonitoringHost.Benchmarks.Runtime;

/// <summary>
/// One workflow host for a part of the runtime scenario: the scenario pack with the shipped libraries, an instance
/// space in a SQLite file in a scratch folder, the default native modules plus the scenario's two.
/// </summary>
internal sealed class RuntimeScenarioHost : IAsyncDisposable, IWorkflowResults, IAlertSink, ICollectedDataSink
{
    private readonly string _folder;
    private readonly InstanceStore _store;
    private long _stateChanges;

    private RuntimeScenarioHost(string folder, InstanceStore store, Discovery.Instances.InstanceSpace space, TimeProvider time)
    {
        _folder = folder;
        _store = store;
        Space = space;
        Time = time;
    }

    public Discovery.Instances.InstanceSpace Space { get; }

    public TimeProvider Time { get; }

    public CountFactory Count { get; } = new();

    public WorkflowHost Host { get; private set; } = null!;

    public long StateChanges => Interlocked.Read(ref _stateChanges);

    /// <summary>Opens the space, applies <paramref name="objects"/> as one snapshot, makes the host (not started) over them.</summary>
    public static async Task<RuntimeScenarioHost> StartAsync(TimeProvider time, IReadOnlyList<ObjectData> objects)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mh-bench-runtime-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var classes = LoadClasses(folder);
        var store = await InstanceStoreFactory.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = folder }, CancellationToken.None);
        var space = await Discovery.Instances.InstanceSpace.OpenAsync(classes, store, time, CancellationToken.None);
        await space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("scenario"), objects), CancellationToken.None);
        var scenario = new RuntimeScenarioHost(folder, store, space, time);
        var services = new RuntimeServices { Time = time, Classes = classes, Alerts = scenario, Discovery = new InstanceSpaceDiscoverySink(space), Collected = scenario };
        var catalog = ModuleCatalog.Default.With(new InProcessSourceFactory(), scenario.Count);
        scenario.Host = new WorkflowHost(space, new WorkflowCompiler(classes.Packs, catalog), services, scenario);
        return scenario;
    }

    public static FakeTimeProvider StoppedClock() => new(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));

    public static ObjectData Object(string className, string name, int? port = null) =>
        new(className, port is null
            ? new Dictionary<string, string?> { ["Name"] = name }
            : new Dictionary<string, string?> { ["Name"] = name, ["Port"] = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>The instance of <paramref name="workflowId"/> (element ID) on the object named <paramref name="name"/>, and its source module.</summary>
    public (WorkflowInstance Instance, int Source) Instance(string className, string name, string workflowId)
    {
        var target = Space.WithProperty(className, "Name", name).Single();
        var instance = Host.InstancesOf(target.Id).Single(i => i.Workflow.Element.Id == workflowId);
        return (instance, instance.Workflow.Modules.Single(m => m.IsSource).Index);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Space.Dispose();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public Task OutputAsync(WorkflowInstance instance, DataItem item, CancellationToken cancellationToken) => Task.CompletedTask;

    public void MonitorState(WorkflowInstance instance, string state, DataItem cause) => Interlocked.Increment(ref _stateChanges);

    public void Raise(AlertRequest alert)
    {
    }

    public void Collect(string workflowId, Guid targetId, DataItem item)
    {
    }

    /// <summary>The scenario pack with its generated parts: ten 60 s rules per node, ten monitors sharing one check.</summary>
    private static ClassCatalog LoadClasses(string folder)
    {
        Directory.CreateDirectory(folder);
        var template = File.ReadAllText(BenchmarkPacks.Pack("Benchmark.Runtime.xml"));
        var rules = new StringBuilder();
        var monitors = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            rules.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                <Rule ID="Benchmark.Node.Rule{i}" Enabled="true" Target="Benchmark.Node" ConfirmDelivery="false" Remotable="true" Priority="Normal" DiscardLevel="100">
                  <Category>Custom</Category>
                  <DataSources><DataSource ID="DS" TypeID="System!System.SimpleScheduler"><IntervalSeconds>60</IntervalSeconds><SyncTime /></DataSource></DataSources>
                  <WriteActions><WriteAction ID="WA" TypeID="Benchmark.Count" /></WriteActions>
                </Rule>
                """);
            monitors.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                <UnitMonitor ID="Benchmark.Shared.Monitor{i}" Accessibility="Public" Enabled="true" Target="Benchmark.SharedEndpoint" ParentMonitorID="Health!System.Health.AvailabilityState" Remotable="true" Priority="Normal" TypeID="Benchmark.PortMonitorType" ConfirmDelivery="false">
                  <Category>AvailabilityHealth</Category>
                  <OperationalStates>
                    <OperationalState ID="Open" MonitorTypeStateID="Open" HealthState="Success" />
                    <OperationalState ID="NotOpen" MonitorTypeStateID="NotOpen" HealthState="Error" />
                  </OperationalStates>
                  <Configuration><Port>$Target/Property[Type="Benchmark.SharedEndpoint"]/Port$</Port></Configuration>
                </UnitMonitor>
                """);
        }

        var path = Path.Combine(folder, "Benchmark.Runtime.xml");
        File.WriteAllText(path, template.Replace("##NODE_RULES##", rules.ToString(), StringComparison.Ordinal).Replace("##SHARED_MONITORS##", monitors.ToString(), StringComparison.Ordinal));
        return BenchmarkPacks.Load(path);
    }
}
