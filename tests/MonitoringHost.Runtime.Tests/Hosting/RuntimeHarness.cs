using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Storage;

namespace MonitoringHost.Runtime.Tests.Hosting;

/// <summary>
/// A workflow host over a real instance space (a SQLite file in a temp folder) with a fake clock: tests add objects,
/// move the clock second by second, and read what the test pack's workflows recorded.
/// </summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private readonly string _folder;
    private readonly InstanceStore _store;

    private RuntimeHarness(string folder, InstanceStore store, InstanceSpace space, FakeTimeProvider time, ClassCatalog classes)
    {
        _folder = folder;
        _store = store;
        Space = space;
        Time = time;
        Classes = classes;
    }

    /// <summary>The pack set the host runs: the runtime test pack unless a test gives its own.</summary>
    public ClassCatalog Classes { get; }

    public InstanceSpace Space { get; }

    public ModuleCatalog Modules { get; private set; } = null!;

    public FakeTimeProvider Time { get; }

    public ConcurrentQueue<Recorded> Records { get; } = new();

    public RecordingSinks Sinks { get; } = new();

    public WorkflowHost Host { get; private set; } = null!;

    public static Task<RuntimeHarness> StartAsync(params NativeModuleFactory[] extra) => StartAsync(RuntimeTestModel.Classes, extra);

    public static async Task<RuntimeHarness> StartAsync(ClassCatalog classes, params NativeModuleFactory[] extra)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mh-runtime-{Guid.NewGuid():N}");
        var store = await InstanceStoreFactory.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = folder }, CancellationToken.None);
        var time = new FakeTimeProvider(Start);
        var space = await InstanceSpace.OpenAsync(classes, store, time, CancellationToken.None);
        var harness = new RuntimeHarness(folder, store, space, time, classes);
        await harness.StartHostAsync(extra);
        return harness;
    }

    /// <summary>A computer of the test pack's model, named <paramref name="name"/>.</summary>
    public static ObjectData Computer(string name) =>
        new("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = name, ["NetworkName"] = name });

    /// <summary>A <c>Test.Runtime.Service</c> on <paramref name="computer"/>.</summary>
    public static ObjectData Service(string computer, string name, int port) =>
        new("Test.Runtime.Service", new Dictionary<string, string?> { ["ServiceName"] = name, ["Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Computer(computer));

    public Task<DiscoveryResult> DiscoverAsync(params ObjectData[] objects) =>
        Space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("tests"), objects), CancellationToken.None);

    /// <summary>Moves the clock one second at a time (as the host's timer ticks) and waits for the runs it starts.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        for (var step = TimeSpan.Zero; step < by; step += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Host.WhenIdleAsync();
        }
    }

    /// <summary>
    /// As <see cref="AdvanceAsync"/>, for tests with runs that wait for the clock themselves (a hung probe waits for
    /// its run timeout): each tick waits until every run in progress is one of those (<paramref name="waiting"/>).
    /// </summary>
    public async Task AdvanceWithWaitingRunsAsync(TimeSpan by, Func<int> waiting)
    {
        for (var step = TimeSpan.Zero; step < by; step += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            while (Host.RunsInProgress > waiting())
            {
                await Task.Delay(1);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Space.Dispose();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartHostAsync(NativeModuleFactory[] extra)
    {
        // The test pack's probes are always there; a test that reads their counts passes its own.
        var probes = new List<NativeModuleFactory>();
        if (!extra.OfType<CountingProbeFactory>().Any())
        {
            probes.Add(new CountingProbeFactory());
        }

        if (!extra.OfType<SetProbeFactory>().Any())
        {
            probes.Add(new SetProbeFactory());
        }

        var catalog = ModuleCatalog.Default.With([new RecordFactory(Records), .. probes, .. extra]);
        Modules = catalog;
        var services = new RuntimeServices { Time = Time, Classes = Classes, Alerts = Sinks, Discovery = Sinks, Collected = Sinks };
        Host = new WorkflowHost(Space, new WorkflowCompiler(Classes.Packs, catalog), services, Sinks);
        await Host.StartAsync(CancellationToken.None);
    }
}
