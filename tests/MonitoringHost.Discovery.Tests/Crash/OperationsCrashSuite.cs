using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using MonitoringHost.CrashWorker;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Storage;
using MonitoringHost.Storage.Tests.Fixtures;
using MonitoringHost.Tests.Shared;
using Xunit.Abstractions;

namespace MonitoringHost.Discovery.Tests.Crash;

/// <summary>
/// The kill -9 test of health and alerts: the worker's operations mode (<see cref="OperationsLoad"/>) creates and
/// updates alerts from several tasks, toggles maintenance, resets monitors, and its workflows change monitor states
/// every second; the test kills it (SIGKILL) at a random moment, reopens the store and checks that every alert whose
/// creation or update was acknowledged is there exactly once, that the change feed matches the tables, and that an
/// engine started on the store loads it and reports the open alerts the table holds. Repeated with a fixed seed.
/// </summary>
public abstract class OperationsCrashSuite(ITestOutputHelper output)
{
    private const int Kills = 6;

    protected abstract StoreProvider Provider { get; }

    [SkippableFact]
    public async Task KilledUnderLoad_KeepsEveryAcknowledgedAlert_AndTheFeedMatchesTheTables()
    {
        await using var location = await TestStores.CreateAsync(Provider);
        await location.CloseAsync();
        var classes = CrashHealthModel.Load(RepositoryPaths.Root);
        var random = new Random(Provider == StoreProvider.Sqlite ? 41 : 43);
        var created = new HashSet<Guid>();
        var updated = new Dictionary<Guid, long>();
        var updatesAcknowledged = new List<Guid>();
        var unacknowledged = 0L;
        var killedMidway = 0;
        var committedUnacknowledged = 0;

        for (var round = 0; round < Kills; round++)
        {
            var printed = await RunAndKillAsync(location.Options, random.Next(200, 1200));
            var because = $"round {round}";
            created.Should().NotIntersectWith(printed.Created, because + ": alert ids are new");
            created.UnionWith(printed.Created);
            foreach (var (id, version) in printed.Updated)
            {
                updated[id] = Math.Max(version, updated.GetValueOrDefault(id));
                updatesAcknowledged.Add(id);
            }

            var store = await location.ReopenAsync();
            var operations = OperationsStore.For(store);
            var alerts = await ConsistentAlertsAsync(location, store, operations, because);
            created.Except(alerts.Keys).Should().BeEmpty(because + ": every acknowledged alert is stored (a round may have none yet)");
            foreach (var (id, version) in updated)
            {
                alerts[id].Version.Should().BeGreaterThanOrEqualTo(version, $"{because}: the acknowledged update of {id} to version {version} is stored");
            }

            // Only the worker changes SDK alerts: what the store holds beyond what it acknowledged was committed
            // and killed before it could say so.
            var sdkAlerts = alerts.Values.Where(a => !a.IsMonitorAlert).ToList();
            var beyond = sdkAlerts.Count - created.Count + sdkAlerts.Sum(a => a.Version - 1) - updatesAcknowledged.Count(id => !alerts[id].IsMonitorAlert);
            committedUnacknowledged += beyond > unacknowledged ? 1 : 0;
            unacknowledged = beyond;
            killedMidway += printed.InFlight > 0 ? 1 : 0;

            await AssertRestartLoadsAsync(location, store, classes, because);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{because}: {printed.InFlight} calls in flight; {printed.Created.Count} alerts and {printed.Updated.Count} updates acknowledged; {alerts.Count} alerts stored ({alerts.Values.Count(a => a.IsMonitorAlert)} of monitors)"));
            await location.CloseAsync();
        }

        output.WriteLine($"{killedMidway} of {Kills} kills landed with calls in flight; {committedUnacknowledged} left a committed, unacknowledged alert or update ({unacknowledged} in all)");
        killedMidway.Should().BeGreaterThan(0, "some kills must land while calls are in flight");
    }

    /// <summary>An engine started on the store loads it, and reports as open exactly the alerts the table holds open; the store stays consistent.</summary>
    private static async Task AssertRestartLoadsAsync(TestStore location, InstanceStore store, Discovery.Classes.ClassCatalog classes, string because)
    {
        await using (var restarted = await CrashOperations.StartAsync(store, classes, runWorkflows: false, CancellationToken.None))
        {
            await restarted.Engine.FlushAsync();
            restarted.Engine.Loop.CommitFailure.Should().BeNull(because);
            var open = await restarted.Engine.OpenAlertsAsync();
            var stored = await ReadAlertsAsync(restarted.Store, openOnly: true);
            open.Select(a => (a.Id, a.Version)).Should().BeEquivalentTo(stored.Select(a => (a.Id, a.Version)), because + ": the engine reports the open alerts of the table");
        }

        await ConsistentAlertsAsync(location, store, OperationsStore.For(store), because + ", after a restart");
    }

    /// <summary>Every alert by id, once the change feed has been checked against the tables.</summary>
    private static async Task<Dictionary<Guid, Alert>> ConsistentAlertsAsync(TestStore location, InstanceStore store, OperationsStore operations, string because)
    {
        var alerts = await ReadAlertsAsync(operations, openOnly: false);
        var byId = alerts.ToDictionary(a => a.Id);
        byId.Should().HaveCount(alerts.Count, because + ": an alert is stored once");
        var feed = await ReadFeedAsync(store);
        var byKind = feed.ToLookup(e => e.Kind);

        byKind["alert.created"].Select(e => e.SubjectId).Should().BeEquivalentTo(byId.Keys, because + ": one alert.created per alert");
        byKind["alert.updated"].Count().Should().Be(alerts.Sum(a => (int)a.Version - 1), because + ": one alert.updated per change of an alert");
        byKind["alert.updated"].GroupBy(e => e.SubjectId).Where(g => g.Count() != byId[g.Key].Version - 1).Select(g => g.Key)
            .Should().BeEmpty(because + ": each alert's updates in the feed match its version");
        (await CountAsync(location, "alert_history")).Should().Be(byKind["alert.updated"].Count(), because + ": one history entry per update");
        (await CountAsync(location, "state_changes")).Should().Be(byKind["health.changed"].Count(), because + ": one health.changed per state change");

        alerts.Where(a => a.IsMonitorAlert && a.IsOpen).GroupBy(a => (a.RuleOrMonitorId, a.MonitoringObjectId)).Where(g => g.Count() > 1).Select(g => g.Key)
            .Should().BeEmpty(because + ": at most one open alert per monitor and object");

        AssertMaintenanceFollowsTheFeed(byKind["maintenance.started"].Concat(byKind["maintenance.ended"]), await operations.ReadMaintenanceAsync(CancellationToken.None), because);
        return byId;
    }

    /// <summary>
    /// Per object, in feed order: every maintenance.ended ends a window a maintenance.started began since the last
    /// end; an object has a maintenance_windows row exactly when its last event is maintenance.started, and that
    /// row is the window the event describes (root, start, end).
    /// </summary>
    private static void AssertMaintenanceFollowsTheFeed(IEnumerable<ChangeFeedEntry> events, IReadOnlyList<Runtime.Maintenance.MaintenanceWindow> windows, string because)
    {
        var byObject = events.OrderBy(e => e.Sequence).GroupBy(e => e.SubjectId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (objectId, history) in byObject)
        {
            var open = false;
            foreach (var entry in history)
            {
                if (entry.Kind == "maintenance.ended")
                {
                    open.Should().BeTrue($"{because}: maintenance.ended {entry.Sequence} of {objectId} ends a window that started");
                }

                open = entry.Kind == "maintenance.started";
            }
        }

        var active = windows.ToDictionary(w => w.ObjectId);
        byObject.Where(o => o.Value[^1].Kind == "maintenance.started").Select(o => o.Key)
            .Should().BeEquivalentTo(active.Keys, because + ": an object is in maintenance exactly when its last maintenance event started a window");
        foreach (var window in active.Values)
        {
            using var payload = JsonDocument.Parse(byObject[window.ObjectId][^1].Payload);
            var described = payload.RootElement;
            (described.GetProperty("rootObjectId").GetGuid(), described.GetProperty("start").GetDateTimeOffset(), described.GetProperty("until").GetDateTimeOffset())
                .Should().Be((window.RootObjectId, window.Start, window.Until), $"{because}: the window of {window.ObjectId} is the one its last event started");
        }
    }

    private static async Task<List<Alert>> ReadAlertsAsync(OperationsStore operations, bool openOnly)
    {
        var alerts = new List<Alert>();
        AlertCursor? after = null;
        do
        {
            var page = await operations.ReadAlertsAsync(new AlertQuery(OpenOnly: openOnly, After: after, Limit: 1000), CancellationToken.None);
            alerts.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return alerts;
    }

    private static async Task<List<ChangeFeedEntry>> ReadFeedAsync(InstanceStore store)
    {
        var feed = new List<ChangeFeedEntry>();
        while (await store.ReadFeedAsync(feed.Count == 0 ? 0 : feed[^1].Sequence, 10_000, CancellationToken.None) is { Count: > 0 } page)
        {
            feed.AddRange(page);
        }

        return feed;
    }

    private static async Task<long> CountAsync(TestStore location, string table) =>
        Convert.ToInt64(await location.QueryScalarAsync($"SELECT COUNT(*) FROM {table}"), CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs the worker's operations mode, kills it, returns the alerts it acknowledged creating, the updates (id,
    /// version) it acknowledged, and how many calls it had begun and not seen return when it was killed.
    /// </summary>
    private static async Task<(List<Guid> Created, List<(Guid Id, long Version)> Updated, int InFlight)> RunAndKillAsync(StoreOptions options, int afterMilliseconds)
    {
        var lines = new ConcurrentQueue<string>();
        await CrashWorkerProcess.RunAndKillAsync("operations", options, afterMilliseconds, lines.Enqueue);
        var created = new List<Guid>();
        var updated = new List<(Guid, long)>();
        var calls = 0;
        foreach (var words in lines.Select(line => line.Split(' ')))
        {
            if (words[0] == "calling")
            {
                calls++;
            }
            else if (words[0] == "created")
            {
                created.Add(Guid.Parse(words[1], CultureInfo.InvariantCulture));
            }
            else if (words[0] == "updated")
            {
                updated.Add((Guid.Parse(words[1], CultureInfo.InvariantCulture), long.Parse(words[2], CultureInfo.InvariantCulture)));
            }
        }

        return (created, updated, calls - created.Count - updated.Count);
    }
}

public sealed class SqliteOperationsCrashTests(ITestOutputHelper output) : OperationsCrashSuite(output)
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}

public sealed class PostgresOperationsCrashTests(ITestOutputHelper output) : OperationsCrashSuite(output)
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}
