using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.Probes.Ssh;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Modules.Snmp;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// One management server: the operational store, the pack set (the shipped packs, the imported ones and the ones given), the instance
/// space, the operations engine (health, alerts, maintenance) and the workflow host, started in that order and
/// stopped in the reverse one, so that nothing acknowledged is lost: runs in progress finish, what they reported is
/// committed, collected data is written, then the store closes.
/// </summary>
public sealed class ManagementServer : IAsyncDisposable
{
    private const int MinimumThreads = 64;

    private readonly SemaphoreSlim _packChanges = new(1, 1);
    private readonly SemaphoreSlim _credentialChanges = new(1, 1);
    private readonly FileKnownHostsStore _knownHosts;
    private volatile ServerRuntime _runtime;

    private ManagementServer(ServerOptions options, InstanceStore store, ServerRuntime runtime, CollectedDataStore collected, PackOrigins origins, DateTimeOffset started, CredentialKey key, CredentialVault runAs, AgentlessServices agentless, ManagedComputerRegistry computers, FileKnownHostsStore knownHosts)
    {
        Agentless = agentless;
        Computers = computers;
        _knownHosts = knownHosts;
        SecretKey = key;
        RunAs = runAs;
        Keys = ApiKeyStore.For(store);
        Operations = OperationsStore.For(store);
        Options = options;
        Store = store;
        _runtime = runtime;
        Collected = collected;
        Started = started;
        ManagementPacks = new ManagementPackAdministration(this, origins);
        HandOuts = new ConnectorHandOuts();
        Webhooks = new ConnectorWebhooks(this);
    }

    /// <summary>The computers added to be managed without an agent (<c>mh computer add</c>).</summary>
    public ManagedComputerRegistry Computers { get; }

    /// <summary>What connectors were handed and have not acknowledged yet.</summary>
    public ConnectorHandOuts HandOuts { get; }

    /// <summary>Pushes connectors' batches to their webhooks.</summary>
    public ConnectorWebhooks Webhooks { get; }

    /// <summary>
    /// The SNMP trap receiver (<see cref="ServerOptions.SnmpTraps"/>), or null when the server listens for none. Each
    /// trap is offered to the current workflows (<see cref="WorkflowHost.ReceiveAsync"/>).
    /// </summary>
    public SnmpTrapReceiver? SnmpTraps { get; private set; }

    /// <summary>
    /// The file in the data folder of a SQLite store where the first start writes the administrator key it creates;
    /// <c>mh</c> reads the key from there when it is given none.
    /// </summary>
    public const string AdministratorKeyFileName = "administrator.key";

    /// <summary>
    /// The file in the data folder where SSH host keys are pinned (<c>host:port algorithm SHA256:fingerprint</c> a
    /// line), unless the options name another.
    /// </summary>
    public const string KnownHostsFileName = "ssh_known_hosts";

    /// <summary>The file in the data folder that holds the key secrets are sealed under, unless the options name another.</summary>
    public const string CredentialKeyFileName = "credential.key";

    public ServerOptions Options { get; }

    /// <summary>The key secrets kept in the store (Run As accounts, webhook secrets) are sealed under.</summary>
    public CredentialKey SecretKey { get; }

    /// <summary>
    /// What the agentless protocol modules share for the server's lifetime (across pack changes): endpoints (the
    /// added <see cref="Computers"/>), reachability per computer and protocol, the SSH connection pool and its pinned host keys
    /// (<see cref="KnownHostsFileName"/>).
    /// </summary>
    public AgentlessServices Agentless { get; }

    /// <summary>The Run As accounts and their profile assignments, encrypted under <see cref="SecretKey"/>.</summary>
    public CredentialVault RunAs { get; }

    public InstanceStore Store { get; }

    /// <summary>The instance space over the current pack set (a new one after a pack is imported or deleted).</summary>
    public InstanceSpace Space => _runtime.Space;

    public CollectedDataStore Collected { get; }

    /// <summary>The operations engine over the current pack set (a new one after a pack is imported or deleted).</summary>
    public OperationsEngine Engine => _runtime.Engine;

    /// <summary>The workflow host over the current pack set (a new one after a pack is imported or deleted).</summary>
    public WorkflowHost Host => _runtime.Host;

    /// <summary>The Run As resolver of the current pack set's workflows.</summary>
    public RunAsResolver RunAsResolver => _runtime.RunAs;

    /// <summary>
    /// Runs a change of Run As accounts, assignments or added computers: its store write and the memory that follows
    /// it (<see cref="Computers"/>, <see cref="RunAsResolver"/>), one change at a time, so that memory and store change
    /// in the same order and cannot part. Once the store has committed, the memory is updated even if the caller gives up.
    /// </summary>
    public async Task ChangeCredentialsAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _credentialChanges.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await change().ConfigureAwait(false);
        }
        finally
        {
            _credentialChanges.Release();
        }
    }

    public DateTimeOffset Started { get; }

    /// <summary>Health, alerts and maintenance as stored (what the API reads; writes go through <see cref="Engine"/>).</summary>
    public OperationsStore Operations { get; }

    /// <summary>The API keys.</summary>
    public ApiKeyStore Keys { get; }

    /// <summary>Imports, lists, exports and deletes management packs (what <c>/api/v1/management-packs</c> calls).</summary>
    public ManagementPackAdministration ManagementPacks { get; }

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
    /// <see cref="ServerStartException"/> saying what is wrong (every pack problem, with file and line). The pack set
    /// is the shipped library packs, the packs imported through the API (kept in the store) and the packs given in
    /// <see cref="ServerOptions.Packs"/>; a pack given there replaces an imported or shipped one with the same ID.
    /// </summary>
    public static async Task<ManagementServer> StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        EnsureThreads();
        var time = options.Time;
        var libraries = options.LibraryFolder ?? ShippedLibraries.Locate()
            ?? throw new ServerStartException("the shipped packs were not found beside the host; give their folder");
        var shipped = ShippedLibraries.Read(libraries).Packs;
        var trapEndpoint = SnmpTrapEndpoint(options);
        var store = await InstanceStoreFactory.OpenAsync(options.Store, cancellationToken).ConfigureAwait(false);
        CollectedDataStore? collected = null;
        ServerRuntime? runtime = null;
        CredentialKey? key = null;
        ManagedComputerRegistry? computers = null;
        FileKnownHostsStore? knownHosts = null;
        AgentlessServices? agentless = null;
        try
        {
            var imported = await ManagementPackStore.For(store).ListAsync(cancellationToken).ConfigureAwait(false);
            var (importedPacks, importProblems) = ManagementPackAdministration.Read(imported);
            if (importProblems.Count > 0)
            {
                throw new ServerStartException("the packs imported through the API cannot be read:" + Environment.NewLine + string.Join(Environment.NewLine, importProblems));
            }

            var loaded = PackSetLoader.Load(options.Packs, [.. shipped.Where(s => importedPacks.All(i => i.Id != s.Id)), .. importedPacks]);
            if (loaded.HasErrors)
            {
                throw new ServerStartException("the packs do not validate:" + Environment.NewLine +
                    string.Join(Environment.NewLine, loaded.Problems.Where(p => p.IsError).Select(p => p.ToString())));
            }

            if (loaded.Packs["System.Library"] is null)
            {
                throw new ServerStartException($"the pack set has no System.Library: {libraries} holds no shipped library packs");
            }

            var fromFiles = loaded.Packs.Packs.Skip(loaded.Packs.Packs.Length - loaded.Summary.Packs).Select(p => p.Id);
            var origins = new PackOrigins(shipped.Select(p => p.Id), imported.Where(i => !fromFiles.Contains(i.Name)), fromFiles);
            collected = CollectedDataStore.Open(store, time: time);
            key = CredentialKey.LoadOrCreate(options.CredentialKeyFile ?? Path.Combine(options.Store.DataFolder, CredentialKeyFileName));
            var credentials = CredentialStore.For(store);
            var vault = new CredentialVault(credentials, key, time);
            computers = new ManagedComputerRegistry(credentials);
            await computers.ReloadAsync(cancellationToken).ConfigureAwait(false);
            knownHosts = new FileKnownHostsStore(options.KnownHostsFile ?? Path.Combine(options.Store.DataFolder, KnownHostsFileName));
            agentless = new AgentlessServices(time, computers, knownHosts)
            {
                Reachability = new RemoteReachability(time) { FirstBackoff = options.AgentlessBackoff, MaxBackoff = options.AgentlessMaxBackoff },
            };
            runtime = await ServerRuntime.OpenAsync(new ClassCatalog(loaded.Packs), store, collected, options, vault, agentless, cancellationToken).ConfigureAwait(false);
            var server = new ManagementServer(options, store, runtime, collected, origins, time.GetUtcNow(), key, vault, agentless, computers, knownHosts);
            server.SnmpTraps = trapEndpoint is null ? null : StartSnmpTraps(trapEndpoint, server);
            await server.EnsureAdministratorKeyAsync(cancellationToken).ConfigureAwait(false);
            await server.Webhooks.StartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await StopAsync(store, runtime, collected).ConfigureAwait(false);
            key?.Dispose();
            agentless?.Dispose();
            knownHosts?.Dispose();
            throw;
        }
    }

    /// <summary>The SNMP trap endpoint the options name, or null for none; a malformed one fails the start.</summary>
    private static System.Net.IPEndPoint? SnmpTrapEndpoint(ServerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SnmpTraps))
        {
            return null;
        }

        var text = options.SnmpTraps.Trim();
        return System.Net.IPEndPoint.TryParse(text, out var endpoint) && (endpoint.Port != 0 || text.EndsWith(":0", StringComparison.Ordinal))
            ? endpoint
            : throw new ServerStartException($"the SNMP trap endpoint '{options.SnmpTraps}' is not address:port (for example 0.0.0.0:162)");
    }

    /// <summary>Binds the SNMP trap endpoint; a port in use or not permitted fails the start, saying why.</summary>
    private static SnmpTrapReceiver StartSnmpTraps(System.Net.IPEndPoint endpoint, ManagementServer server)
    {
        try
        {
            return SnmpTrapReceiver.Start(endpoint, (trap, token) => server.Host.ReceiveAsync(trap, token), server.Options.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ServerStartException($"cannot listen for SNMP traps on {endpoint}: {e.Message}" +
                (endpoint.Port < 1024 ? " (ports below 1024 need root or CAP_NET_BIND_SERVICE)" : ""));
        }
    }

    /// <summary>
    /// SQLite's driver runs its "async" calls synchronously: each API read and each commit holds a pool thread for its
    /// length. With the pool's default minimum (one thread per core) a few concurrent list requests starve the commits
    /// of alert creations until the pool slowly adds threads; start with enough threads for that mix instead.
    /// </summary>
    private static void EnsureThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completion);
        if (workers < MinimumThreads)
        {
            ThreadPool.SetMinThreads(MinimumThreads, completion);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (SnmpTraps is not null)
        {
            await SnmpTraps.DisposeAsync().ConfigureAwait(false);
        }

        await Webhooks.DisposeAsync().ConfigureAwait(false);
        await StopAsync(Store, _runtime, Collected).ConfigureAwait(false);
        _packChanges.Dispose();
        _credentialChanges.Dispose();
        SecretKey.Dispose();
        Agentless.Dispose();
        _knownHosts.Dispose();
    }

    /// <summary>
    /// Runs <paramref name="change"/> with no other pack change at the same time (imports and deletes take turns).
    /// </summary>
    internal async Task<T> ChangePacksAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        await _packChanges.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await change().ConfigureAwait(false);
        }
        finally
        {
            _packChanges.Release();
        }
    }

    /// <summary>
    /// Moves the running server to a new, validated pack set: stops the workflows and the engine (what they reported is
    /// committed), runs <paramref name="commit"/> (which writes the pack change to the store in one transaction, given
    /// the instance space as it stood), then opens the instance space, engine and workflows over
    /// <paramref name="next"/>, which load the store as a restart would. When <paramref name="commit"/> fails, the old
    /// pack set is started again and the failure is thrown: nothing changed.
    /// </summary>
    internal async Task SwitchPackSetAsync(ClassCatalog next, Func<InstanceSpace, Task> commit)
    {
        var old = _runtime;
        await old.StopAsync().ConfigureAwait(false);
        try
        {
            await commit(old.Space).ConfigureAwait(false);
        }
        catch
        {
            old.Space.Dispose();
            _runtime = await ServerRuntime.OpenAsync(old.Space.Classes, Store, Collected, Options, RunAs, Agentless, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // The change is committed: the new set opens whatever the caller does now. Should it fail to open all the
        // same (it was built once before the commit), the old set runs again so the server keeps serving, and the
        // failure is thrown; the next start loads what the store holds.
        old.Space.Dispose();
        try
        {
            _runtime = await ServerRuntime.OpenAsync(next, Store, Collected, Options, RunAs, Agentless, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            _runtime = await ServerRuntime.OpenAsync(old.Space.Classes, Store, Collected, Options, RunAs, Agentless, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

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

        var file = Path.Combine(Options.Store.DataFolder, AdministratorKeyFileName);
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

    private static async ValueTask StopAsync(InstanceStore store, ServerRuntime? runtime, CollectedDataStore? collected)
    {
        if (runtime is not null)
        {
            await runtime.StopAsync().ConfigureAwait(false);
        }

        if (collected is not null)
        {
            await collected.DisposeAsync().ConfigureAwait(false);
        }

        runtime?.Space.Dispose();
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

    /// <summary>The key file secrets are sealed under (default: <c>credential.key</c> in the store's data folder).</summary>
    public string? CredentialKeyFile { get; init; }

    /// <summary>The file SSH host keys are pinned in (default: <c>ssh_known_hosts</c> in the store's data folder).</summary>
    public string? KnownHostsFile { get; init; }

    /// <summary>How long a connector's webhook waits before its first retry; each failure doubles it up to <see cref="WebhookMaxBackoff"/>.</summary>
    public TimeSpan WebhookBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries of a webhook.</summary>
    public TimeSpan WebhookMaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long agentless workflows leave a computer alone after it first fails to answer; doubles per failure.</summary>
    public TimeSpan AgentlessBackoff { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest wait between tries of a computer that does not answer.</summary>
    public TimeSpan AgentlessMaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Probes in flight at once per protocol and per computer.</summary>
    public ProbeLimits ProbeLimits { get; init; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where the server listens for SNMP traps and informs (<c>address:port</c>: <c>0.0.0.0:162</c> is the standard
    /// port, which needs root or <c>CAP_NET_BIND_SERVICE</c>; port 0 picks a free one); null or empty: no listener.
    /// </summary>
    public string? SnmpTraps { get; init; }
}

/// <summary>A management server that cannot start, and why.</summary>
public sealed class ServerStartException(string message) : Exception(message);
