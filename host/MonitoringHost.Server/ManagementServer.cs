using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// One management server: the operational store, the pack set (the shipped packs plus the ones given), the instance
/// space, the operations engine (health, alerts, maintenance) and the workflow host, started in that order and
/// stopped in the reverse one, so that nothing acknowledged is lost: runs in progress finish, what they reported is
/// committed, collected data is written, then the store closes.
/// </summary>
public sealed class ManagementServer : IAsyncDisposable
{
    private ManagementServer(ServerOptions options, InstanceStore store, InstanceSpace space, CollectedDataStore collected, OperationsEngine engine, WorkflowHost host, DateTimeOffset started)
    {
        Options = options;
        Store = store;
        Space = space;
        Collected = collected;
        Engine = engine;
        Host = host;
        Started = started;
    }

    public ServerOptions Options { get; }

    public InstanceStore Store { get; }

    public InstanceSpace Space { get; }

    public CollectedDataStore Collected { get; }

    public OperationsEngine Engine { get; }

    public WorkflowHost Host { get; }

    public DateTimeOffset Started { get; }

    public ClassCatalog Classes => Space.Classes;

    /// <summary>
    /// Starts a management server. A pack set with errors, or a store that cannot be opened, fails the start with
    /// <see cref="ServerStartException"/> saying what is wrong (every pack problem, with file and line).
    /// </summary>
    public static async Task<ManagementServer> StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = options.Time;
        var libraries = options.LibraryFolder ?? ShippedLibraries.Locate()
            ?? throw new ServerStartException("the shipped packs were not found beside the host; give their folder");
        var loaded = PackSetLoader.Load(options.Packs, ShippedLibraries.Read(libraries).Packs);
        if (loaded.HasErrors)
        {
            throw new ServerStartException("the packs do not validate:" + Environment.NewLine +
                string.Join(Environment.NewLine, loaded.Problems.Where(p => p.IsError).Select(p => p.ToString())));
        }

        if (loaded.Packs["System.Library"] is null)
        {
            throw new ServerStartException($"the pack set has no System.Library: {libraries} holds no shipped library packs");
        }

        var classes = new ClassCatalog(loaded.Packs);
        var store = await InstanceStoreFactory.OpenAsync(options.Store, cancellationToken).ConfigureAwait(false);
        InstanceSpace? space = null;
        CollectedDataStore? collected = null;
        OperationsEngine? engine = null;
        WorkflowHost? host = null;
        try
        {
            space = await InstanceSpace.OpenAsync(classes, store, time, cancellationToken).ConfigureAwait(false);
            collected = CollectedDataStore.Open(store, time: time);
            engine = new OperationsEngine(space, OperationsStore.For(store), time);
            var discovery = new InstanceSpaceDiscoverySink(space);
            var results = new WorkflowResults(discovery);
            var services = new RuntimeServices { Time = time, Classes = classes, Alerts = engine, Discovery = discovery, Collected = collected };
            host = new WorkflowHost(space, new WorkflowCompiler(loaded.Packs, ModuleCatalog.Default), services, results, options.Runtime);
            await engine.StartAsync(host, results, cancellationToken).ConfigureAwait(false);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return new ManagementServer(options, store, space, collected, engine, host, time.GetUtcNow());
        }
        catch
        {
            await StopAsync(store, space, collected, engine, host).ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => StopAsync(Store, Space, Collected, Engine, Host);

    private static async ValueTask StopAsync(InstanceStore store, InstanceSpace? space, CollectedDataStore? collected, OperationsEngine? engine, WorkflowHost? host)
    {
        if (host is not null)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        if (engine is not null)
        {
            await engine.DisposeAsync().ConfigureAwait(false);
        }

        if (collected is not null)
        {
            await collected.DisposeAsync().ConfigureAwait(false);
        }

        space?.Dispose();
        await store.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>What a management server runs on.</summary>
public sealed class ServerOptions
{
    /// <summary>The operational store (default: SQLite in the default data folder).</summary>
    public StoreOptions Store { get; init; } = new();

    /// <summary>Packs to load besides the shipped ones (files or folders).</summary>
    public IReadOnlyList<string> Packs { get; init; } = [];

    /// <summary>The folder of the shipped packs (default: beside the host).</summary>
    public string? LibraryFolder { get; init; }

    /// <summary>Where the API listens.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    public RuntimeOptions? Runtime { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>A management server that cannot start, and why.</summary>
public sealed class ServerStartException(string message) : Exception(message);
