using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Storage;

namespace MonitoringHost.CrashWorker;

/// <summary>
/// The host's operations over one store, as the host wires them: the instance space, the operational store, the
/// operations engine and a workflow host over <see cref="CrashHealthModel"/>'s pack with the worker's state probe.
/// The worker runs the workflows; a test that only inspects what a restart loads leaves them stopped.
/// </summary>
public sealed class CrashOperations : IAsyncDisposable
{
    private readonly CollectedDataStore _collected;
    private readonly TaskCompletionSource _firstDetection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CrashOperations(InstanceSpace space, OperationsStore store, OperationsEngine engine, WorkflowHost host, CollectedDataStore collected)
    {
        Space = space;
        Store = store;
        Engine = engine;
        Host = host;
        _collected = collected;
    }

    public InstanceSpace Space { get; }

    public OperationsStore Store { get; }

    public OperationsEngine Engine { get; }

    public WorkflowHost Host { get; }

    /// <summary>Completes when a workflow first reports a unit monitor in a different state.</summary>
    public Task FirstDetection => _firstDetection.Task;

    /// <summary>Opens the instance space on <paramref name="store"/> and starts the engine on it (it loads what the store kept).</summary>
    public static async Task<CrashOperations> StartAsync(InstanceStore store, ClassCatalog classes, bool runWorkflows, CancellationToken cancellationToken)
    {
        var space = await InstanceSpace.OpenAsync(classes, store, TimeProvider.System, cancellationToken);
        var operations = OperationsStore.For(store);
        var engine = new OperationsEngine(space, operations, TimeProvider.System);
        var discovery = new InstanceSpaceDiscoverySink(space);
        var results = new WorkflowResults(discovery);
        var collected = CollectedDataStore.Open(store);
        var services = new RuntimeServices { Time = TimeProvider.System, Classes = classes, Alerts = engine, Discovery = discovery, Collected = collected };
        var host = new WorkflowHost(space, new WorkflowCompiler(classes.Packs, ModuleCatalog.Default.With(new StateProbeFactory())), services, results);
        var started = new CrashOperations(space, operations, engine, host, collected);
        results.MonitorStateChanged += (_, _) => started._firstDetection.TrySetResult();
        await engine.StartAsync(host, results, cancellationToken);
        if (runWorkflows)
        {
            await host.StartAsync(cancellationToken);
        }

        return started;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Engine.DisposeAsync();
        await _collected.DisposeAsync();
        Space.Dispose();
    }
}
