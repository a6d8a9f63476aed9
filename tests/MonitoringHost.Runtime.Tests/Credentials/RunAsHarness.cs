using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Tests.Hosting;
using MonitoringHost.Storage;

namespace MonitoringHost.Runtime.Tests.Credentials;

/// <summary>
/// The Run As test pack over a real instance space and credential store (one SQLite file) with a key file in the same
/// temp folder: tests discover objects, save accounts and assignments, then start the workflow host.
/// </summary>
internal sealed class RunAsHarness : IAsyncDisposable
{
    public const string Profile = "Test.RunAs!Test.RunAs.Profile";

    private readonly InstanceStore _store;

    private RunAsHarness(string folder, InstanceStore store, InstanceSpace space, FakeTimeProvider time, CredentialKey key, CredentialVault vault)
    {
        Folder = folder;
        _store = store;
        Space = space;
        Time = time;
        Key = key;
        Vault = vault;
    }

    public string Folder { get; }

    public InstanceSpace Space { get; }

    public FakeTimeProvider Time { get; }

    public CredentialKey Key { get; }

    public CredentialVault Vault { get; }

    public LoginRecorderFactory Logins { get; } = new();

    public WorkflowHost? Host { get; private set; }

    public RunAsResolver? Resolver { get; private set; }

    public static async Task<RunAsHarness> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mh-runas-{Guid.NewGuid():N}");
        var store = await InstanceStoreFactory.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = folder }, CancellationToken.None);
        var time = new FakeTimeProvider(RuntimeHarness.Start);
        var space = await InstanceSpace.OpenAsync(RunAsTestModel.Classes, store, time, CancellationToken.None);
        var key = CredentialKey.LoadOrCreate(Path.Combine(folder, "credential.key"));
        return new RunAsHarness(folder, store, space, time, key, new CredentialVault(CredentialStore.For(store), key, time));
    }

    public static ObjectData Computer(string name) => new("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = name });

    public static ObjectData Service(string computer, string name, string type = "Test.RunAs.Service") =>
        new(type, new Dictionary<string, string?> { ["ServiceName"] = name }, Computer(computer));

    public static ObjectData Group() => new("Test.RunAs.Group", new Dictionary<string, string?>());

    /// <summary>Discovers the objects together with the computers that host them.</summary>
    public Task<DiscoveryResult> DiscoverAsync(IReadOnlyList<ObjectData> objects, IReadOnlyList<RelationshipData>? relationships = null) =>
        Space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("tests"), [.. objects.Select(o => o.Host).OfType<ObjectData>().Distinct(), .. objects], relationships), CancellationToken.None);

    public MonitoringObject Find(string path) => Space.OfClass("System.Entity").Single(o => o.Path == path);

    /// <summary>Starts the host with a resolver over what the vault holds now (or, for a host without one, none).</summary>
    public async Task StartHostAsync(bool withResolver = true)
    {
        Resolver = withResolver ? await Vault.CreateResolverAsync(Space, CancellationToken.None) : null;
        var sinks = new RecordingSinks();
        var services = new RuntimeServices
        {
            Time = Time,
            Classes = RunAsTestModel.Classes,
            Alerts = sinks,
            Discovery = sinks,
            Collected = sinks,
            RunAs = Resolver,
        };
        Host = new WorkflowHost(Space, new WorkflowCompiler(RunAsTestModel.Classes.Packs, ModuleCatalog.Default.With(Logins)), services, sinks);
        await Host.StartAsync(CancellationToken.None);
    }

    /// <summary>Moves the clock one second at a time and waits for the runs it starts.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        for (var step = TimeSpan.Zero; step < by; step += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Host!.WhenIdleAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        Space.Dispose();
        Key.Dispose();
        await _store.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
