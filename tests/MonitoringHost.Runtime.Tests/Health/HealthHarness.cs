using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Identity;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Runtime.Overrides;
using MonitoringHost.Storage;

namespace MonitoringHost.Runtime.Tests.Health;

/// <summary>
/// A health model over Packs/Test.Health.xml following a real instance space (a SQLite file in a temp folder) on a
/// fake clock: tests discover objects and relationships, drive the model and read the batch it filled.
/// </summary>
internal sealed class HealthHarness : IAsyncDisposable
{
    public const string Computer = "Microsoft.Windows.Computer";
    public const string App = "Test.Health.App";
    public const string SpecialApp = "Test.Health.SpecialApp";
    public const string Component = "Test.Health.Component";
    public const string Service = "Test.Health.Service";
    public const string Farm = "Test.Health.Farm";
    public const string Node = "Test.Health.Node";
    public const string Availability = "System.Health.AvailabilityState";
    public const string Performance = "System.Health.PerformanceState";
    public const string Configuration = "System.Health.ConfigurationState";
    public const string EntityState = "System.Health.EntityState";
    public const string Running = "Test.Health.App.Running";
    public const string Latency = "Test.Health.App.Latency";
    public const string ServiceApps = "Test.Health.Service.Apps";
    public const string AppsStrict = "Test.Health.Service.AppsStrict";
    public const string ServiceContainsApp = "Test.Health.ServiceContainsApp";
    public const string Backends = "Test.Health.App.Backends";
    public const string Primary = "Test.Health.App.PrimaryBackend";
    public const string Secondary = "Test.Health.App.SecondaryBackend";
    public const string FarmApps = "Test.Health.Farm.Apps";
    public const string NodeCheck = "Test.Health.Node.Check";
    public const string NodeChildren = "Test.Health.Node.Children";

    public static readonly ObjectData CheckoutService = Named(Service, "checkout");
    public static readonly ObjectData Shop = AppData("web01", "shop");
    public static readonly ObjectData Payments = AppData("web02", "payments");

    public static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<(ClassCatalog Classes, HealthModelDefinition Definition)> Loaded = new(() =>
    {
        var classes = RuntimeTestModel.Load(RuntimeTestModel.Pack("Test.Health.xml"));
        return (classes, new HealthModelDefinition(classes));
    });

    private readonly string _folder;
    private readonly InstanceStore _store;

    private HealthHarness(string folder, InstanceStore store, InstanceSpace space, FakeTimeProvider time)
    {
        _folder = folder;
        _store = store;
        Space = space;
        Time = time;
        Model = NewModel();
        space.Changed += (_, change) => Model.ApplyInstanceSpaceChange(change, Time.GetUtcNow(), Batch);
    }

    public static ClassCatalog Classes => Loaded.Value.Classes;

    public static HealthModelDefinition Definition => Loaded.Value.Definition;

    public InstanceSpace Space { get; }

    public FakeTimeProvider Time { get; }

    public HealthModel Model { get; private set; }

    /// <summary>What the model's operations appended since the last <see cref="TakeBatch"/>.</summary>
    public OperationsBatch Batch { get; private set; } = new();

    public static async Task<HealthHarness> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mh-health-{Guid.NewGuid():N}");
        var store = await InstanceStoreFactory.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = folder }, CancellationToken.None);
        var time = new FakeTimeProvider(Start);
        var space = await InstanceSpace.OpenAsync(Classes, store, time, CancellationToken.None);
        var harness = new HealthHarness(folder, store, space, time);
        harness.Model.ApplyInstanceSpaceChange(harness.Everything(), time.GetUtcNow(), harness.Batch);
        return harness;
    }

    /// <summary>A harness with <paramref name="objects"/> (and their hosts) and <paramref name="relationships"/> discovered; its batch empty.</summary>
    public static async Task<HealthHarness> StartAsync(IReadOnlyList<ObjectData> objects, IReadOnlyList<RelationshipData>? relationships = null)
    {
        var harness = await StartAsync();
        await harness.DiscoverAsync(objects, relationships);
        harness.TakeBatch();
        return harness;
    }

    /// <summary>The checkout service containing shop and payments (payments through <paramref name="paymentsRelationship"/>).</summary>
    public static Task<HealthHarness> StartWithServiceAsync(string paymentsRelationship = ServiceContainsApp) =>
        StartAsync([CheckoutService, Shop, Payments], [new(ServiceContainsApp, CheckoutService, Shop), new(paymentsRelationship, CheckoutService, Payments)]);

    /// <summary>
    /// A host restart: a new model over the same instance space (every object and relationship as added), loaded
    /// from <paramref name="records"/>; returns what that filled in a batch of its own.
    /// </summary>
    public OperationsBatch Restart(IEnumerable<MonitorStateRecord> records)
    {
        Model = NewModel();
        var batch = new OperationsBatch();
        Model.ApplyInstanceSpaceChange(Everything(), Time.GetUtcNow(), batch);
        Model.Load(records, Time.GetUtcNow(), batch);
        return batch;
    }

    public OperationsBatch TakeBatch()
    {
        var batch = Batch;
        Batch = new OperationsBatch();
        return batch;
    }

    /// <summary>Discovers the objects, their hosts (all the way up) and the relationships.</summary>
    public Task<DiscoveryResult> DiscoverAsync(IReadOnlyList<ObjectData> objects, IReadOnlyList<RelationshipData>? relationships = null)
    {
        var withHosts = objects
            .SelectMany(o => Chain(o))
            .DistinctBy(Key)
            .ToList();
        return Space.ApplyAsync(DiscoveryData.Incremental(DiscoverySource.Sdk("tests"), withHosts, relationships), CancellationToken.None);

        static string Key(ObjectData item) =>
            $"{item.ClassName}|{string.Join(",", item.Properties.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}|{(item.Host is { } host ? Key(host) : "")}";

        static IEnumerable<ObjectData> Chain(ObjectData item)
        {
            for (var current = item; current is not null; current = current.Host)
            {
                yield return current;
            }
        }
    }

    public Task<DiscoveryResult> UndiscoverAsync(IReadOnlyList<ObjectData> objects, IReadOnlyList<RelationshipData>? relationships = null) =>
        Space.ApplyAsync(DiscoveryData.Incremental(DiscoverySource.Sdk("tests"), [], []) with { RemovedObjects = objects, RemovedRelationships = relationships ?? [] }, CancellationToken.None);

    public static ObjectData ComputerData(string name) => new(Computer, new Dictionary<string, string?> { ["PrincipalName"] = name });

    public static ObjectData AppData(string computer, string name, string className = App) =>
        new(className, new Dictionary<string, string?> { ["Name"] = name }, ComputerData(computer));

    public static ObjectData ComponentData(string computer, string app, string name) =>
        new(Component, new Dictionary<string, string?> { ["Name"] = name }, AppData(computer, app));

    public static ObjectData Named(string className, string name) => new(className, new Dictionary<string, string?> { ["Name"] = name });

    public static Guid Id(ObjectData item) => ObjectIdentity.ForObject(
        Classes.Class(item.ClassName)!,
        item.Properties.ToDictionary(p => p.Key, p => p.Value!),
        item.Host is { } host ? Id(host) : null);

    public MonitorApplyOutcome Apply(Guid objectId, string monitor, string monitorTypeState, string? context = null) =>
        Model.ApplyMonitorState(objectId, monitor, monitorTypeState, Time.GetUtcNow(), context, Batch);

    public HealthState? State(Guid objectId, string monitor) => Model.State(objectId, monitor);

    public async ValueTask DisposeAsync()
    {
        Space.Dispose();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private HealthModel NewModel() => new(Definition, new OverrideResolver(Classes, Space));

    private InstanceSpaceChange Everything() =>
        new(Space.OfClass("System.Entity"), [], [], Space.AllRelationships(), [], Space.LastSequence);
}
