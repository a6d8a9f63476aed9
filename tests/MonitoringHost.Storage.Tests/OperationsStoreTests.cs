using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Maintenance;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Storage.Migrations;
using MonitoringHost.Storage.Postgres;
using MonitoringHost.Storage.Sqlite;
using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Storage.Tests;

/// <summary>
/// What the operations store must do, run once per provider by <see cref="Sqlite.SqliteOperationsStoreTests"/> and
/// <see cref="Postgres.PostgresOperationsStoreTests"/>, each on a fresh database per test. The queries the API serves
/// are in <c>OperationsStoreTests.Queries.cs</c>.
/// </summary>
public abstract partial class OperationsStoreTests(StoreProvider provider)
{
    private const string Monitor = "Contoso.App.Availability.Monitor";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // A time with a non-UTC offset and sub-microsecond ticks: it reads back in UTC, truncated to the microsecond.
    private static readonly DateTimeOffset Precise = new DateTimeOffset(2026, 3, 1, 14, 30, 15, 123, 456, TimeSpan.FromHours(2)).AddTicks(7);
    private static readonly DateTimeOffset PreciseUtc = new(2026, 3, 1, 12, 30, 15, 123, 456, TimeSpan.Zero);

    private Task<TestStore> CreateAsync() => TestStores.CreateAsync(provider);

    [SkippableFact]
    public async Task Open_SeedsTheResolutionStates_AndLoadOfAnEmptyStoreHasNothingElse()
    {
        await using var test = await CreateAsync();

        var loaded = await OperationsStore.For(test.Store).LoadAsync(default);

        loaded.States.Should().BeEmpty();
        loaded.OpenAlerts.Should().BeEmpty();
        loaded.Maintenance.Should().BeEmpty();
        loaded.ResolutionStates.Should().Equal(
            new ResolutionState(0, "New"), new ResolutionState(247, "Awaiting Evidence"), new ResolutionState(248, "Assigned to Engineering"),
            new ResolutionState(249, "Acknowledged"), new ResolutionState(250, "Scheduled"), new ResolutionState(254, "Resolved"), new ResolutionState(255, "Closed"));
    }

    [SkippableFact]
    public async Task CommitAndLoad_RoundTripEveryField_TimesInUtcToTheMicrosecond()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var state = new MonitorStateRecord(Id(1), Monitor, HealthState.Error, "<State>Unhealthy «Zürich» 東京</State>", Precise);
        var rollup = new MonitorStateRecord(Id(1), "System.Health.AvailabilityState", HealthState.Warning, null, T0);
        var alert = FullAlert();
        var window = new MaintenanceWindow(Id(2), Id(3), Precise, Precise.AddHours(2), MaintenanceReason.UnplannedApplicationMaintenance, "patch «night»", "ops@contoso", Recursive: true);
        var batch = new OperationsBatch();
        batch.States.AddRange([state, rollup]);
        batch.CreatedAlerts.Add(alert);
        batch.MaintenanceStarted.Add(window);
        batch.ResolutionStates.Add(new ResolutionState(15, "Waiting for vendor ✓"));

        await store.CommitAsync(batch, default);
        var loaded = await OperationsStore.For(await test.ReopenAsync()).LoadAsync(default);

        loaded.States.Should().BeEquivalentTo([state with { LastChanged = PreciseUtc }, rollup]);
        loaded.States.Should().OnlyContain(s => s.LastChanged.Offset == TimeSpan.Zero);
        var read = loaded.OpenAlerts.Should().ContainSingle().Subject;
        read.Should().BeEquivalentTo(Normalized(alert));
        read.CustomFields.Should().Equal(alert.CustomFields);
        read.Parameters.Should().Equal(alert.Parameters);
        read.Suppression.Should().Equal(alert.Suppression);
        read.TimeRaised.Should().Be(PreciseUtc);
        read.TimeRaised.Offset.Should().Be(TimeSpan.Zero);
        loaded.Maintenance.Should().Equal(window with { Start = PreciseUtc, Until = PreciseUtc.AddHours(2) });
        loaded.ResolutionStates.Should().Contain(new ResolutionState(15, "Waiting for vendor ✓"));
    }

    [SkippableFact]
    public async Task Commit_ClosedAlert_KeepsItsResolutionFields_AndIsNotLoadedAsOpen()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var closed = FullAlert() with
        {
            ResolutionState = Alert.Closed, TimeResolved = Precise, ResolvedBy = "System", ConnectorId = null, Category = null, Owner = null,
            TicketId = null, Context = null, Parameters = [], Suppression = [], CustomFields = [.. new string?[10]],
        };

        await store.CommitAsync(Batch(b => b.CreatedAlerts.Add(closed)), default);

        (await store.LoadAsync(default)).OpenAlerts.Should().BeEmpty();
        var read = await store.ReadAlertAsync(closed.Id, default);
        read.Should().BeEquivalentTo(Normalized(closed));
        read!.TimeResolved.Should().Be(PreciseUtc);
        read.CustomFields.Should().HaveCount(10).And.OnlyContain(f => f == null);
    }

    [SkippableFact]
    public async Task Commit_SecondOpenAlertOfAMonitorOnAnObject_FailsTheWholeBatch_AndWritesNothingOfIt()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var first = MonitorAlert(10, objectId: 1);
        await store.CommitAsync(Batch(b => b.CreatedAlerts.Add(first)), default);
        var feedBefore = await test.Store.ReadFeedAsync(0, 100, default);
        var second = MonitorAlert(11, objectId: 1);
        var batch = Batch(b =>
        {
            b.States.Add(new MonitorStateRecord(Id(1), Monitor, HealthState.Error, null, T0));
            b.StateChanges.Add(new StateChange(Id(1), Monitor, HealthState.Success, HealthState.Error, T0, "<DataItem/>"));
            b.CreatedAlerts.Add(MonitorAlert(12, objectId: 2));
            b.CreatedAlerts.Add(second);
            b.MaintenanceStarted.Add(Window(3));
            b.ResolutionStates.Add(new ResolutionState(20, "Never written"));
        });

        var commit = () => store.CommitAsync(batch, default);

        var failure = (await commit.Should().ThrowAsync<OpenMonitorAlertConflictException>()).Which;
        failure.AlertId.Should().Be(second.Id);
        failure.OpenAlertId.Should().Be(first.Id);
        failure.RuleOrMonitorId.Should().Be(Monitor);
        failure.MonitoringObjectId.Should().Be(Id(1));
        failure.Message.Should().Contain(second.Id.ToString()).And.Contain(Monitor).And.Contain(Id(1).ToString()).And.Contain(first.Id.ToString());
        var loaded = await store.LoadAsync(default);
        loaded.States.Should().BeEmpty();
        loaded.OpenAlerts.Select(a => a.Id).Should().Equal(first.Id);
        loaded.Maintenance.Should().BeEmpty();
        loaded.ResolutionStates.Should().NotContain(r => r.Code == 20);
        (await store.ReadStateChangesAsync(Id(1), DateTimeOffset.MinValue, 10, default)).Should().BeEmpty();
        (await test.Store.ReadFeedAsync(0, 100, default)).Should().Equal(feedBefore);
    }

    [SkippableFact]
    public async Task Commit_ClosingTheOpenAlert_AllowsANewOneForTheSameMonitorAndObject_EvenInTheSameBatch()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var first = MonitorAlert(10, objectId: 1);
        await store.CommitAsync(Batch(b => b.CreatedAlerts.Add(first)), default);
        var closed = first with { ResolutionState = Alert.Closed, TimeResolved = T0.AddMinutes(5), ResolvedBy = "System", LastModified = T0.AddMinutes(5), Version = 2 };
        var next = MonitorAlert(11, objectId: 1);

        // The batch lists the new alert before the closing update: the store still closes first.
        await store.CommitAsync(Batch(b =>
        {
            b.CreatedAlerts.Add(next);
            b.UpdatedAlerts.Add((closed, History(closed, ("resolutionState", "0", "255"))));
        }), default);
        var third = MonitorAlert(12, objectId: 1);
        await store.CommitAsync(Batch(b => b.UpdatedAlerts.Add((next with { ResolutionState = Alert.Closed, Version = 2 }, History(next with { Version = 2 }, ("resolutionState", "0", "255"))))), default);
        await store.CommitAsync(Batch(b => b.CreatedAlerts.Add(third)), default);

        (await store.LoadAsync(default)).OpenAlerts.Select(a => a.Id).Should().Equal(third.Id);
        (await store.ReadAlertAsync(first.Id, default))!.ResolutionState.Should().Be(Alert.Closed);
        (await store.ReadAlertAsync(next.Id, default))!.ResolutionState.Should().Be(Alert.Closed);
    }

    [SkippableFact]
    public async Task Commit_TwoOpenAlertsOfOneMonitorOnOneObjectInOneBatch_FailsNamingBoth()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var batch = Batch(b => b.CreatedAlerts.AddRange([MonitorAlert(10, objectId: 1), MonitorAlert(11, objectId: 1)]));

        var commit = () => store.CommitAsync(batch, default);

        var failure = (await commit.Should().ThrowAsync<OpenMonitorAlertConflictException>()).Which;
        (failure.AlertId, failure.OpenAlertId).Should().Be((Id(11), (Guid?)Id(10)));
        (await store.ReadAlertAsync(Id(10), default)).Should().BeNull();
        (await test.Store.ReadFeedAsync(0, 10, default)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task Commit_OpenRuleAlertsOfOneRuleOnOneObject_AreAllowed()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var rule = MonitorAlert(10, objectId: 1) with { IsMonitorAlert = false, Suppression = ["a"] };

        await store.CommitAsync(Batch(b => b.CreatedAlerts.AddRange([rule, rule with { Id = Id(11), Suppression = ["b"] }])), default);

        (await store.LoadAsync(default)).OpenAlerts.Select(a => a.Id).Should().BeEquivalentTo([Id(10), Id(11)]);
    }

    [SkippableFact]
    public async Task Commit_FeedRowsMatchTheTables_InBatchOrder()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var created = MonitorAlert(10, objectId: 1);
        var updated = created with { Owner = "ann", LastModified = T0.AddMinutes(1), LastModifiedBy = "ann", Version = 2 };
        var history = History(updated, ("owner", null, "ann")) with { By = new ChangeAuthor("ann", ChangeAuthorKind.User), Comment = "mine" };
        var started = Window(2);
        var ending = Window(3);
        var change1 = new StateChange(Id(1), Monitor, HealthState.Success, HealthState.Error, Precise, "<DataItem type=\"x\"/>");
        var change2 = new StateChange(Id(4), "System.Health.AvailabilityState", HealthState.Uninitialized, HealthState.Success, T0, null);
        await store.CommitAsync(Batch(b => b.MaintenanceStarted.Add(ending)), default);
        var before = (await test.Store.ReadFeedAsync(0, 10, default)).Single().Sequence;

        await store.CommitAsync(Batch(b =>
        {
            b.MaintenanceEnded.Add((ending, T0.AddHours(1)));
            b.MaintenanceStarted.Add(started);
            b.UpdatedAlerts.Add((updated, history));
            b.CreatedAlerts.Add(created);
            b.StateChanges.AddRange([change1, change2]);
        }), default);

        var feed = await test.Store.ReadFeedAsync(before, 100, default);
        feed.Select(e => (e.Kind, e.SubjectId, e.Time)).Should().Equal(
            ("health.changed", Id(1), PreciseUtc), ("health.changed", Id(4), T0), ("alert.created", created.Id, created.TimeAdded),
            ("alert.updated", created.Id, history.Time), ("maintenance.ended", Id(3), T0.AddHours(1)), ("maintenance.started", Id(2), started.Start));
        feed.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        var changes = await store.ReadStateChangesAsync(Id(1), T0, 10, default);
        changes.Should().Equal(change1 with { Time = PreciseUtc });
        using (var payload = JsonDocument.Parse(feed[0].Payload))
        {
            var root = payload.RootElement;
            root.GetProperty("objectId").GetGuid().Should().Be(Id(1));
            root.GetProperty("monitorId").GetString().Should().Be(Monitor);
            root.GetProperty("oldState").GetInt32().Should().Be(1);
            root.GetProperty("newState").GetInt32().Should().Be(3);
            root.GetProperty("time").GetString().Should().Be("2026-03-01T12:30:15.123456Z");
            root.GetProperty("context").GetString().Should().Be("<DataItem type=\"x\"/>");
        }

        var stored = (await store.ReadAlertAsync(created.Id, default))!;
        using (var payload = JsonDocument.Parse(feed[3].Payload))
        {
            var root = payload.RootElement;
            root.GetProperty("id").GetGuid().Should().Be(stored.Id);
            root.GetProperty("owner").GetString().Should().Be(stored.Owner);
            root.GetProperty("version").GetInt64().Should().Be(stored.Version);
            root.GetProperty("ruleOrMonitorId").GetString().Should().Be(stored.RuleOrMonitorId);
            root.GetProperty("lastModified").GetString().Should().Be("2026-03-01T12:01:00Z");
            root.GetProperty("history").GetProperty("byKind").GetString().Should().Be("user");
            root.GetProperty("history").GetProperty("comment").GetString().Should().Be("mine");
            root.GetProperty("history").GetProperty("changes").GetProperty("owner").EnumerateArray().Select(v => v.GetString()).Should().Equal(null, "ann");
        }

        using (var payload = JsonDocument.Parse(feed[2].Payload))
        {
            payload.RootElement.GetProperty("version").GetInt64().Should().Be(1);
            payload.RootElement.GetProperty("owner").ValueKind.Should().Be(JsonValueKind.Null);
        }

        using (var payload = JsonDocument.Parse(feed[4].Payload))
        {
            payload.RootElement.GetProperty("objectId").GetGuid().Should().Be(Id(3));
            payload.RootElement.GetProperty("reason").GetString().Should().Be("PlannedOther");
            payload.RootElement.GetProperty("ended").GetString().Should().Be("2026-03-01T13:00:00Z");
        }

        (await store.ReadMaintenanceAsync(default)).Should().Equal(started);
        (await store.ReadAlertHistoryAsync(created.Id, default)).Should().ContainSingle().Which.Should().BeEquivalentTo(history);
    }

    [SkippableFact]
    public async Task Commit_LaterEntriesForTheSameKeySupersedeEarlierOnes_WhileEveryChangeIsKept()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var created = MonitorAlert(10, objectId: 1);
        var v2 = created with { Owner = "ann", Version = 2, LastModified = T0.AddMinutes(1) };
        var v3 = v2 with { Owner = "bob", ResolutionState = 249, Version = 3, LastModified = T0.AddMinutes(2) };

        await store.CommitAsync(Batch(b =>
        {
            b.States.Add(new MonitorStateRecord(Id(1), Monitor, HealthState.Warning, "first", T0));
            b.States.Add(new MonitorStateRecord(Id(2), Monitor, HealthState.Success, null, T0));
            b.States.Add(new MonitorStateRecord(Id(1), Monitor, HealthState.Error, "second", T0.AddSeconds(1)));
            b.StateChanges.Add(new StateChange(Id(1), Monitor, HealthState.Success, HealthState.Warning, T0, null));
            b.StateChanges.Add(new StateChange(Id(1), Monitor, HealthState.Warning, HealthState.Error, T0.AddSeconds(1), null));
            b.CreatedAlerts.Add(created);
            b.UpdatedAlerts.Add((v2, History(v2, ("owner", null, "ann"))));
            b.UpdatedAlerts.Add((v3, History(v3, ("owner", "ann", "bob"), ("resolutionState", "0", "249"))));
            b.MaintenanceStarted.Add(Window(5));
            b.MaintenanceStarted.Add(Window(5) with { Until = T0.AddHours(8), Comment = "extended" });
            b.ResolutionStates.Add(new ResolutionState(30, "Old name"));
            b.ResolutionStates.Add(new ResolutionState(30, "New name"));
        }), default);

        var loaded = await store.LoadAsync(default);
        loaded.States.Should().BeEquivalentTo([
            new MonitorStateRecord(Id(1), Monitor, HealthState.Error, "second", T0.AddSeconds(1)),
            new MonitorStateRecord(Id(2), Monitor, HealthState.Success, null, T0)]);
        loaded.OpenAlerts.Should().ContainSingle().Which.Should().BeEquivalentTo(v3);
        loaded.Maintenance.Should().ContainSingle().Which.Comment.Should().Be("extended");
        loaded.ResolutionStates.Should().ContainSingle(r => r.Code == 30).Which.Name.Should().Be("New name");
        (await store.ReadStateChangesAsync(Id(1), T0, 10, default)).Select(c => c.NewState).Should().Equal(HealthState.Warning, HealthState.Error);
        (await store.ReadAlertHistoryAsync(created.Id, default)).Select(h => h.Version).Should().Equal(2, 3);
        (await test.Store.ReadFeedAsync(0, 100, default)).Select(e => e.Kind).Should().Equal(
            "health.changed", "health.changed", "alert.created", "alert.updated", "alert.updated", "maintenance.started", "maintenance.started");
    }

    [SkippableFact]
    public async Task Commit_RemovedObjects_LoseTheirMonitorStates_AndEndedMaintenanceIsRemovedOnlyWhereItStartedThen()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        await store.CommitAsync(Batch(b =>
        {
            b.States.AddRange([new MonitorStateRecord(Id(1), Monitor, HealthState.Error, null, T0), new MonitorStateRecord(Id(2), Monitor, HealthState.Success, null, T0)]);
            b.MaintenanceStarted.AddRange([Window(3), Window(4)]);
        }), default);
        var restarted = Window(4) with { Start = T0.AddHours(1), Until = T0.AddHours(3) };

        await store.CommitAsync(Batch(b =>
        {
            b.RemovedObjects.Add(Id(1));
            b.MaintenanceStarted.Add(restarted);
            b.MaintenanceEnded.Add((Window(3), T0.AddMinutes(30)));
            b.MaintenanceEnded.Add((Window(4), T0.AddHours(1)));
        }), default);

        var loaded = await store.LoadAsync(default);
        loaded.States.Select(s => s.ObjectId).Should().Equal(Id(2));
        loaded.Maintenance.Should().Equal(restarted);
        (await test.Store.ReadFeedAsync(2, 10, default)).Select(e => (e.Kind, e.SubjectId, e.Time)).Should().Equal(
            [("maintenance.ended", Id(3), T0.AddMinutes(30)), ("maintenance.ended", Id(4), T0.AddHours(1)), ("maintenance.started", Id(4), restarted.Start)],
            "the ends of earlier windows come before the window started in the same commit, whatever order the batch lists them in");
    }

    [SkippableFact]
    public async Task Commit_WindowStartedAndEndedInOneBatch_ReadsStartedThenEnded_AndLeavesNoRow()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);
        var later = Window(5) with { Start = T0.AddMinutes(10), Until = T0.AddHours(1) };

        await store.CommitAsync(Batch(b =>
        {
            b.MaintenanceStarted.Add(Window(5));
            b.MaintenanceEnded.Add((Window(5), T0.AddMinutes(5)));
            b.MaintenanceStarted.Add(later);
        }), default);

        (await test.Store.ReadFeedAsync(0, 10, default)).Select(e => (e.Kind, e.Time)).Should().Equal(
            ("maintenance.started", T0), ("maintenance.ended", T0.AddMinutes(5)), ("maintenance.started", later.Start));
        (await store.LoadAsync(default)).Maintenance.Should().Equal(later);
    }

    [SkippableFact]
    public async Task Commit_AlertWithoutTenCustomFields_OrAFixedResolutionState_IsRefusedBeforeAnythingIsWritten()
    {
        await using var test = await CreateAsync();
        var store = OperationsStore.For(test.Store);

        var fields = () => store.CommitAsync(Batch(b => b.CreatedAlerts.Add(MonitorAlert(10, 1) with { CustomFields = ["only one"] })), default);
        var closed = () => store.CommitAsync(Batch(b => b.ResolutionStates.Add(new ResolutionState(255, "Done"))), default);

        (await fields.Should().ThrowAsync<ArgumentException>()).WithMessage($"*{Id(10)}*1 custom fields*ten*");
        (await closed.Should().ThrowAsync<ArgumentException>()).WithMessage("*255 ('Done')*1-254*");
        (await test.Store.ReadFeedAsync(0, 10, default)).Should().BeEmpty();
        (await store.ReadResolutionStatesAsync(default)).Should().Contain(new ResolutionState(255, "Closed"));
    }

    [SkippableFact]
    public async Task Open_ExistingVersion3Database_AppliesTheOperationsScriptOnce_AndKeepsItsData()
    {
        await using var test = await TestStores.CreateEmptyAsync(provider);
        InstanceStoreSql sql = provider == StoreProvider.Postgres ? PostgresSql.Instance : SqliteSql.Instance;
        await using (var connection = await test.ConnectAsync())
        {
            (await MigrationRunner.RunAsync(connection, sql, TimeProvider.System, 3, default)).Should().Equal(1, 2, 3);
        }

        await test.QueryScalarAsync(provider == StoreProvider.Postgres
            ? "INSERT INTO change_feed (kind, subject_id, time, payload) VALUES ('object.added', gen_random_uuid(), now(), '{}')"
            : "INSERT INTO change_feed (kind, subject_id, time, payload) VALUES ('object.added', randomblob(16), 0, '{}')");

        var store = await test.ReopenAsync();
        (await store.ReadSchemaVersionsAsync(default)).Select(v => v.Name).Should().Equal("0001_instance_space", "0002_collected_data", "0003_run_as", "0004_operations", "0005_api_keys", "0006_management_packs", "0007_connectors", "0008_connector_delivery", "0009_managed_computers");
        await OperationsStore.For(store).CommitAsync(Batch(b => b.StateChanges.Add(new StateChange(Id(1), Monitor, HealthState.Success, HealthState.Error, T0, null))), default);
        var reopened = await test.ReopenAsync();

        (await reopened.ReadSchemaVersionsAsync(default)).Should().HaveCount(9);
        (await reopened.ReadFeedAsync(0, 10, default)).Select(e => (e.Sequence, e.Kind)).Should().Equal((1, "object.added"), (2, "health.changed"));
        (await OperationsStore.For(reopened).LoadAsync(default)).ResolutionStates.Should().HaveCount(7);
    }

    private static OperationsBatch Batch(Action<OperationsBatch> fill)
    {
        var batch = new OperationsBatch();
        fill(batch);
        return batch;
    }

    private static Guid Id(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    private static Alert MonitorAlert(int id, int objectId) => new()
    {
        Id = Id(id),
        Name = "Application unavailable",
        Description = "The application stopped",
        Severity = 2,
        Priority = 1,
        MonitoringObjectId = Id(objectId),
        MonitoringObjectDisplayName = "App " + objectId.ToString(CultureInfo.InvariantCulture),
        MonitoringObjectPath = "srv-01.contoso.com",
        MonitoringClassId = "Contoso.App",
        IsMonitorAlert = true,
        RuleOrMonitorId = Monitor,
        ProblemId = Id(999),
        TimeRaised = T0,
        TimeAdded = T0,
        LastModified = T0,
        LastModifiedBy = "System",
    };

    [SkippableFact]
    public async Task AlertFeedEntries_ReadBack_AsTheAlertAndItsHistory()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = OperationsStore.For(test.Store);
        var alert = FullAlert() with { TimeResolved = Precise.AddHours(1), ResolvedBy = "kim" };
        var updated = alert with { Version = 6, Owner = "bob", LastModified = Precise.AddHours(2) };
        var history = new AlertHistoryEntry(alert.Id, 6, Precise.AddHours(2), new ChangeAuthor(Id(77).ToString(), ChangeAuthorKind.Connector),
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("owner", new FieldChange("ann", "bob"))]), "taken «over»");
        var created = new OperationsBatch();
        created.CreatedAlerts.Add(alert);
        await store.CommitAsync(created, default);
        var changed = new OperationsBatch();
        changed.UpdatedAlerts.Add((updated, history));
        await store.CommitAsync(changed, default);

        var changes = (await test.Store.ReadFeedAsync(0, 100, default)).Select(AlertFeedChange.From).OfType<AlertFeedChange>().ToList();

        changes.Select(c => c.Created).Should().Equal(true, false);
        changes[0].Alert.Should().BeEquivalentTo(Normalized(alert));
        changes[0].History.Should().BeNull();
        changes[0].ChangedBy.Should().Be("connector:itsm");
        changes[1].Alert.Should().BeEquivalentTo(Normalized(updated));
        changes[1].History.Should().BeEquivalentTo(history with { Time = StoredTime.Normalize(history.Time) });
        changes[1].ChangedBy.Should().Be(Id(77).ToString());
    }

    private static Alert FullAlert() => MonitorAlert(10, objectId: 1) with
    {
        Name = "Ünïcödé «alert» 東京 🚀",
        Description = "line one\nline two \"quoted\" \\ {0}",
        Severity = 1,
        Priority = 2,
        ResolutionState = 249,
        Category = "AvailabilityHealth",
        MonitoringObjectDisplayName = "srv-01 «Zürich»",
        MonitoringObjectPath = @"srv-01.contoso.com;C:\",
        RepeatCount = 7,
        Owner = "ann",
        TicketId = "INC-42",
        CustomFields = [.. Enumerable.Range(1, 10).Select(i => i % 3 == 0 ? null : "custom " + i.ToString(CultureInfo.InvariantCulture) + " ü")],
        Context = "<DataItem type=\"System.PropertyBagData\"><Property Name=\"State\">Down</Property></DataItem>",
        Parameters = ["srv-01", "", "東京 \"x\""],
        Suppression = ["a", "b"],
        TimeRaised = Precise,
        TimeAdded = Precise.AddSeconds(1),
        LastModified = Precise.AddMinutes(1),
        LastModifiedBy = "connector:itsm",
        ConnectorId = Id(77),
        Version = 5,
    };

    private static Alert Normalized(Alert alert) => alert with
    {
        TimeRaised = StoredTime.Normalize(alert.TimeRaised),
        TimeAdded = StoredTime.Normalize(alert.TimeAdded),
        LastModified = StoredTime.Normalize(alert.LastModified),
        TimeResolved = alert.TimeResolved is { } resolved ? StoredTime.Normalize(resolved) : null,
    };

    private static AlertHistoryEntry History(Alert alert, params (string Field, string? Old, string? New)[] changes) => new(
        alert.Id, alert.Version, alert.LastModified, ChangeAuthor.System,
        changes.ToImmutableSortedDictionary(c => c.Field, c => new FieldChange(c.Old, c.New), StringComparer.Ordinal), null);

    private static MaintenanceWindow Window(int objectId) =>
        new(Id(objectId), Id(objectId), T0, T0.AddHours(2), MaintenanceReason.PlannedOther, null, "ops", Recursive: false);
}
