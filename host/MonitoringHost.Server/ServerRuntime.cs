using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// What a management server runs over one pack set: the instance space (over that set's classes), the operations
/// engine and the workflow host. A changed pack set gets a new one over the same store: the old one is stopped
/// (runs in progress finish, what they reported is committed), then the new one loads the store as a restart would.
/// </summary>
internal sealed class ServerRuntime
{
    private ServerRuntime(InstanceSpace space, OperationsEngine engine, WorkflowHost host, RunAsResolver runAs)
    {
        Space = space;
        Engine = engine;
        Host = host;
        RunAs = runAs;
    }

    /// <summary>Resolves the Run As profiles of this pack set's workflows (reload it after accounts or assignments change).</summary>
    public RunAsResolver RunAs { get; }

    public InstanceSpace Space { get; }

    public OperationsEngine Engine { get; }

    public WorkflowHost Host { get; }

    /// <summary>Opens the instance space over <paramref name="classes"/>, starts the engine, then the workflows.</summary>
    public static async Task<ServerRuntime> OpenAsync(ClassCatalog classes, InstanceStore store, CollectedDataStore collected, ServerOptions options, CredentialVault vault, AgentlessServices agentless, CancellationToken cancellationToken)
    {
        var time = options.Time;
        InstanceSpace? space = null;
        OperationsEngine? engine = null;
        WorkflowHost? host = null;
        try
        {
            space = await InstanceSpace.OpenAsync(classes, store, time, cancellationToken).ConfigureAwait(false);
            engine = new OperationsEngine(space, OperationsStore.For(store), time);
            var discovery = new InstanceSpaceDiscoverySink(space);
            var results = new WorkflowResults(discovery);
            var status = new ServerSelfStatus(store, engine);
            var runAs = await vault.CreateResolverAsync(space, cancellationToken).ConfigureAwait(false);
            var services = new RuntimeServices { Time = time, Classes = classes, Alerts = engine, Discovery = discovery, Collected = collected, SelfStatus = status, RunAs = runAs, Agentless = agentless };
            host = new WorkflowHost(space, new WorkflowCompiler(classes.Packs, ModuleCatalog.Default), services, results, options.Runtime);
            status.Host = host;
            await engine.StartAsync(host, results, cancellationToken).ConfigureAwait(false);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);

            // The server is an object of its own, which the shipped self-monitoring pack targets; its monitors run at once.
            await space.ApplyAsync(SelfDiscovery.Data(options.ServerName ?? SelfDiscovery.LocalName()), cancellationToken).ConfigureAwait(false);
            return new ServerRuntime(space, engine, host, runAs);
        }
        catch
        {
            await StopAsync(host, engine).ConfigureAwait(false);
            space?.Dispose();
            throw;
        }
    }

    /// <summary>Stops the workflows, then the engine (committing what they reported); the instance space stays readable.</summary>
    public ValueTask StopAsync() => StopAsync(Host, Engine);

    private static async ValueTask StopAsync(WorkflowHost? host, OperationsEngine? engine)
    {
        if (host is not null)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        if (engine is not null)
        {
            await engine.DisposeAsync().ConfigureAwait(false);
        }
    }
}
