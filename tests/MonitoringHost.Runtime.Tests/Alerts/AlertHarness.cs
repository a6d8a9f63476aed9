using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Identity;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Tests.Alerts;

/// <summary>
/// An alert manager over Packs/Test.Alerts.xml on a fake clock, with a computer and a service it hosts, a
/// maintenance set and one batch per step, as the engine loop would use it.
/// </summary>
internal sealed class AlertHarness
{
    public const string PortMonitor = "Test.Alerts.Port.Monitor";
    public const string StickyMonitor = "Test.Alerts.Sticky.Monitor";
    public const string Rule = "Test.Alerts!Test.Alerts.Rule";

    public static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    public static readonly ChangeAuthor Operator = new("jane", ChangeAuthorKind.User);

    private static readonly Lazy<ClassCatalog> Catalog = new(() => RuntimeTestModel.Load(RuntimeTestModel.Pack("Test.Alerts.xml")));

    public AlertHarness()
    {
        Computer = new MonitoringObject(
            Guid.Parse("1b8f0a52-3c4d-4e5f-8a6b-7c8d9e0f1a2b"), "Microsoft.Windows.Computer", "web01", "web01.contoso.com", null,
            ObjectProperties.From([new("PrincipalName", "web01.contoso.com"), new("NetworkName", "web01")]), Start, Start);
        Service = new MonitoringObject(
            Guid.Parse("2c9a1b63-4d5e-4f60-9b7c-8d9e0f1a2b3c"), "Test.Alerts.Service", "W3SVC", "web01.contoso.com;W3SVC", Computer.Id,
            ObjectProperties.From([new("ServiceName", "W3SVC"), new("Port", "8080")]), Start, Start);
        Objects = new() { [Computer.Id] = Computer, [Service.Id] = Service };
        Manager = NewManager();
    }

    public static ClassCatalog Classes => Catalog.Value;

    public FakeTimeProvider Time { get; } = new(Start);

    public Dictionary<Guid, MonitoringObject> Objects { get; }

    public HashSet<Guid> Maintenance { get; } = [];

    public MonitoringObject Computer { get; }

    public MonitoringObject Service { get; }

    public AlertManager Manager { get; private set; }

    /// <summary>The batch of the current step.</summary>
    public OperationsBatch Batch { get; private set; } = new();

    /// <summary>The GUID of an element of the (unsealed) test pack.</summary>
    public static Guid ElementGuid(string elementId) => DeterministicGuid.ForElement("Test.Alerts", keyToken: null, elementId);

    public AlertManager NewManager(int closedAlertsKept = 10_000) =>
        new(Classes, id => Objects.GetValueOrDefault(id), Maintenance.Contains, Time) { ClosedAlertsKept = closedAlertsKept };

    /// <summary>A host restart: a new manager loaded from what the store kept.</summary>
    public void Restart()
    {
        var snapshot = Snapshot();
        Manager = NewManager();
        Manager.Load(snapshot);
    }

    /// <summary>Starts a new step: a new batch, and the clock a minute on.</summary>
    public OperationsBatch Step()
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        Batch = new OperationsBatch();
        return Batch;
    }

    /// <summary>A state change of <paramref name="monitorId"/> on the service (or <paramref name="objectId"/>), 10 s before now.</summary>
    public Alert? Change(string monitorId, HealthState from, HealthState to, string? context = null, Guid? objectId = null)
    {
        Step();
        return Manager.OnStateChange(new StateChange(objectId ?? Service.Id, monitorId, from, to, Time.GetUtcNow().AddSeconds(-10), context), Batch);
    }

    /// <summary>A rule alert request for the service, 5 s before now.</summary>
    public Alert? Raise(bool hasSuppression, params string[] suppression)
    {
        Step();
        return Manager.Raise(
            new AlertRequest(Rule, Service.Id, "Tick", "Tick on W3SVC", Priority: 1, Severity: 2, suppression, Time.GetUtcNow().AddSeconds(-5))
            {
                HasSuppression = hasSuppression,
                Parameters = ["W3SVC"],
            },
            Batch);
    }

    public Alert Update(Guid id, AlertPatch patch, long? expectedVersion = null)
    {
        Step();
        return Manager.Update(id, patch, Operator, Batch, expectedVersion);
    }

    /// <summary>What the store would hand a restarting host: the open alerts and the custom resolution states.</summary>
    public OperationsSnapshot Snapshot() =>
        new([], [.. Manager.OpenAlerts], [], [.. Manager.ResolutionStates.Where(s => s.Code is > 0 and < 255)]);

    /// <summary>A property bag's XML form, as a unit monitor's state change carries it.</summary>
    public static string PropertyBag(params (string Name, string Value)[] properties) =>
        new PropertyBagData(new DateTimeOffset(2026, 11, 30, 9, 59, 50, TimeSpan.Zero), properties.Select(p => KeyValuePair.Create(p.Name, p.Value))).ToXml();
}
