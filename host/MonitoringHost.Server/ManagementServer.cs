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
        Keys = ApiKeyStore.For(store);
        Operations = OperationsStore.For(store);
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

    /// <summary>Health, alerts and maintenance as stored (what the API reads; writes go through <see cref="Engine"/>).</summary>
    public OperationsStore Operations { get; }

    /// <summary>The API keys.</summary>
    public ApiKeyStore Keys { get; }

    /// <summary>
    /// Where the first start wrote the administrator key it created (SQLite stores: <c>administrator.key</c> in the data
    /// folder, readable only by its owner), or null when the store already had an administrator key or is PostgreSQL.
    /// </summary>
    public string? AdministratorKeyFile { get; private set; }

    /// <summary>Whether any administrator key exists (when none does, <c>mh keys create</c> makes one).</summary>
    public bool HasAdministratorKey { get; private set; }

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
            var status = new ServerSelfStatus(store, engine);
            var services = new RuntimeServices { Time = time, Classes = classes, Alerts = engine, Discovery = discovery, Collected = collected, SelfStatus = status };
            host = new WorkflowHost(space, new WorkflowCompiler(loaded.Packs, ModuleCatalog.Default), services, results, options.Runtime);
            status.Host = host;
            await engine.StartAsync(host, results, cancellationToken).ConfigureAwait(false);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);

            // The server is an object of its own, which the shipped self-monitoring pack targets; its monitors run at once.
            await space.ApplyAsync(SelfDiscovery.Data(options.ServerName ?? SelfDiscovery.LocalName()), cancellationToken).ConfigureAwait(false);
            var server = new ManagementServer(options, store, space, collected, engine, host, time.GetUtcNow());
            await server.EnsureAdministratorKeyAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await StopAsync(store, space, collected, engine, host).ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => StopAsync(Store, Space, Collected, Engine, Host);

    /// <summary>
    /// On a SQLite store without an administrator key, creates one into a file only the owner can read, so that a
    /// new user can call the API at once; the key itself is never printed or logged.
    /// </summary>
    private async Task EnsureAdministratorKeyAsync(CancellationToken cancellationToken)
    {
        HasAdministratorKey = await Keys.CountAsync(ApiRole.Administrator, cancellationToken).ConfigureAwait(false) > 0;
        if (HasAdministratorKey || Options.Store.Provider != StoreProvider.Sqlite)
        {
            return;
        }

        var file = Path.Combine(Options.Store.DataFolder, "administrator.key");
        var created = await Keys.CreateAsync($"administrator-{Started:yyyyMMddHHmmss}", ApiRole.Administrator, "mh serve (first start)", null, cancellationToken).ConfigureAwait(false);
        var write = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            write.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(file, write))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteLineAsync(created.Key.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        AdministratorKeyFile = file;
        HasAdministratorKey = true;
    }

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

    /// <summary>
    /// The name this management server is known by: its object and its computer's key (default: this machine's fully
    /// qualified name).
    /// </summary>
    public string? ServerName { get; init; }

    /// <summary>Where the API listens.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    public RuntimeOptions? Runtime { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>A management server that cannot start, and why.</summary>
public sealed class ServerStartException(string message) : Exception(message);
