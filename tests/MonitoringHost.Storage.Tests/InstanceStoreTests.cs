using System.Data.Common;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Storage.Migrations;
using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Storage.Tests;

/// <summary>
/// What every store must do, run once per provider by <see cref="Sqlite.SqliteInstanceStoreTests"/> and
/// <see cref="Postgres.PostgresInstanceStoreTests"/>, each on a fresh database per test.
/// </summary>
public abstract partial class InstanceStoreTests(StoreProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private Task<TestStore> CreateAsync() => TestStores.CreateAsync(provider);

    [SkippableFact]
    public async Task Open_AppliesTheMigrationsOnce_AndReopeningDoesNotRunThemAgain()
    {
        await using var test = await CreateAsync();
        var versions = await test.Store.ReadSchemaVersionsAsync(default);
        versions.Select(v => (v.Version, v.Name)).Should().Equal((1, "0001_instance_space"), (2, "0002_collected_data"), (3, "0003_run_as"), (4, "0004_operations"), (5, "0005_api_keys"), (6, "0006_management_packs"), (7, "0007_connectors"), (8, "0008_connector_delivery"), (9, "0009_managed_computers"));
        foreach (var table in new[] { "objects", "relationships", "claims", "change_feed", "schema_version" })
        {
            Convert.ToInt64(await test.QueryScalarAsync($"SELECT count(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture).Should().Be(table == "schema_version" ? 9 : 0, table);
        }

        await test.Store.CommitAsync(Changes(objects: [Computer(1)]), default);
        var reopened = await test.ReopenAsync();

        (await reopened.ReadSchemaVersionsAsync(default)).Should().Equal(versions);
        (await reopened.LoadAsync(default)).Objects.Should().ContainSingle();
    }

    [SkippableFact]
    public async Task ReadSize_IsTheDatabasesSize_AndGrowsWithWhatItHolds()
    {
        await using var test = await CreateAsync();
        var empty = await test.Store.ReadSizeAsync(default);

        await test.Store.CommitAsync(Changes(objects: [.. Enumerable.Range(1, 2000).Select(Computer)]), default);

        empty.Should().BePositive("even an empty schema takes pages");
        (await test.Store.ReadSizeAsync(default)).Should().BeGreaterThan(empty);
    }

    [SkippableFact]
    public async Task Open_DatabaseWithANewerSchema_FailsNamingBothVersions()
    {
        await using var test = await CreateAsync();
        await test.CloseAsync();
        await test.QueryScalarAsync("INSERT INTO schema_version (version, name, applied) SELECT 99, '0099_future', applied FROM schema_version WHERE version = 1");

        var open = () => test.ReopenAsync();

        (await open.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*version 99 (0099_future)*newer*(9, 0009_managed_computers)*");
    }

    [SkippableFact]
    public async Task CommitAndLoad_RoundTripEveryField()
    {
        await using var test = await CreateAsync();
        var hostless = new MonitoringObject(
            Id(1), "Microsoft.Windows.Computer", "srv-01 «Zürich» 東京 🚀", @"srv-01.contoso.com\path ""quoted""", null,
            ObjectProperties.From(new Dictionary<string, string>
            {
                ["PrincipalName"] = "srv-01.contoso.com",
                ["Description"] = "Ünïcödé — 日本語 — emoji 🧪 — \"quotes\" \\ backslash \n newline \t tab \u0001 control \0 nul",
                ["Empty"] = string.Empty,
                ["Whitespace"] = "  ",
                ["Json"] = "{\"not\": [\"parsed\"]}",
            }),
            new DateTimeOffset(2026, 3, 1, 14, 30, 15, 123, 456, TimeSpan.FromHours(2)),
            new DateTimeOffset(2026, 3, 1, 13, 0, 0, TimeSpan.FromHours(-5)));
        var hosted = new MonitoringObject(Id(2), "Microsoft.Windows.LogicalDisk", "C:", @"srv-01.contoso.com;C:", Id(1), ObjectProperties.Empty, T0, T0.AddSeconds(1));
        var relationship = new RelationshipInstance(Id(10), "System.ContainmentRelationship", Id(1), Id(2), T0.AddMinutes(1));
        Claim[] claims = [new("discovery:Disks:" + Id(1), ClaimKind.Object, Id(2)), new("sdk:vmm", ClaimKind.Object, Id(1)), new("sdk:vmm", ClaimKind.Relationship, Id(10))];
        var feed = new ChangeFeedEvent("object.added", Id(1), new DateTimeOffset(2026, 3, 1, 23, 59, 59, TimeSpan.FromHours(-1)), "{\"name\":\"東京 🚀\"}");

        await test.Store.CommitAsync(new InstanceChangeSet([hostless, hosted], [], [relationship], [], claims, [], [feed]), default);
        var loaded = await test.Store.LoadAsync(default);

        loaded.Objects.Should().BeEquivalentTo([Normalized(hostless), Normalized(hosted)]);
        loaded.Objects.Single(o => o.Id == Id(1)).Created.Should().Be(new DateTimeOffset(2026, 3, 1, 12, 30, 15, 123, 456, TimeSpan.Zero));
        loaded.Objects.Should().OnlyContain(o => o.Created.Offset == TimeSpan.Zero && o.LastModified.Offset == TimeSpan.Zero);
        loaded.Objects.Single(o => o.Id == Id(1)).Properties.Should().Equal(hostless.Properties);
        loaded.Relationships.Should().Equal(relationship);
        loaded.Claims.Should().BeEquivalentTo(claims);
        loaded.LastSequence.Should().Be(1);
        var entry = (await test.Store.ReadFeedAsync(0, 10, default)).Should().ContainSingle().Subject;
        entry.Should().Be(new ChangeFeedEntry(1, feed.Kind, feed.SubjectId, new DateTimeOffset(2026, 3, 2, 0, 59, 59, TimeSpan.Zero), feed.Payload));
    }

    [SkippableFact]
    public async Task Commit_TimesAreKeptToTheMicrosecondInUtc()
    {
        await using var test = await CreateAsync();
        var precise = new DateTimeOffset(new DateTime(2026, 3, 1, 8, 0, 0).AddTicks(1_234_567), TimeSpan.FromHours(9));
        var early = new DateTimeOffset(1960, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-3);

        await test.Store.CommitAsync(Changes(objects: [Computer(1) with { Created = precise, LastModified = early }]), default);
        var loaded = (await test.Store.LoadAsync(default)).Objects.Single();

        loaded.Created.Should().Be(new DateTimeOffset(new DateTime(2026, 3, 1, 8, 0, 0).AddTicks(1_234_560), TimeSpan.FromHours(9)));
        loaded.Created.Offset.Should().Be(TimeSpan.Zero);
        loaded.LastModified.Should().Be(early.AddTicks(-7));
        StoredTime.Normalize(precise).Should().Be(loaded.Created);
    }

    [SkippableFact]
    public async Task Commit_UpsertOfAnExistingObject_ReplacesItsValues()
    {
        await using var test = await CreateAsync();
        await test.Store.CommitAsync(Changes(objects: [Computer(1), Computer(2)]), default);
        var changed = Computer(2) with
        {
            DisplayName = "renamed",
            Path = "renamed.contoso.com",
            HostId = Id(1),
            Properties = ObjectProperties.From(new Dictionary<string, string> { ["PrincipalName"] = "renamed.contoso.com", ["New"] = "ü" }),
            LastModified = T0.AddHours(1),
        };

        await test.Store.CommitAsync(Changes(objects: [changed]), default);
        var loaded = await test.Store.LoadAsync(default);

        loaded.Objects.Should().BeEquivalentTo([Computer(1), changed]);
    }

    [SkippableFact]
    public async Task Commit_Removals_DeleteObjectsRelationshipsAndClaims()
    {
        await using var test = await CreateAsync();
        await test.Store.CommitAsync(
            Changes(
                objects: [Computer(1), Computer(2), Computer(3)],
                relationships: [Relationship(10, 1, 2), Relationship(11, 2, 3)],
                claims: [ObjectClaim("a", 1), ObjectClaim("a", 2), ObjectClaim("b", 2), ObjectClaim("a", 3), new Claim("a", ClaimKind.Relationship, Id(10)), new Claim("a", ClaimKind.Relationship, Id(11))]),
            default);

        await test.Store.CommitAsync(
            new InstanceChangeSet([], [Id(3)], [], [Id(11)], [], [ObjectClaim("a", 2), ObjectClaim("a", 3), new Claim("a", ClaimKind.Relationship, Id(11))], []),
            default);
        var loaded = await test.Store.LoadAsync(default);

        loaded.Objects.Select(o => o.Id).Should().BeEquivalentTo([Id(1), Id(2)]);
        loaded.Relationships.Should().Equal(Relationship(10, 1, 2));
        loaded.Claims.Should().BeEquivalentTo([ObjectClaim("a", 1), ObjectClaim("b", 2), new Claim("a", ClaimKind.Relationship, Id(10))]);
    }

    [SkippableFact]
    public async Task Commit_RemovingWhatIsNotThere_ChangesNothing()
    {
        await using var test = await CreateAsync();
        await test.Store.CommitAsync(Changes(objects: [Computer(1)], claims: [ObjectClaim("a", 1)]), default);
        var before = await test.Store.LoadAsync(default);

        await test.Store.CommitAsync(new InstanceChangeSet([], [Id(9)], [], [Id(9)], [], [ObjectClaim("a", 9), ObjectClaim("b", 1)], []), default);

        (await test.Store.LoadAsync(default)).Should().BeEquivalentTo(before);
    }

    [SkippableFact]
    public async Task Feed_SequencesIncreaseInCommitOrder_AndEachCommitReturnsItsLast()
    {
        await using var test = await CreateAsync();
        var returned = new List<long>();
        for (var commit = 0; commit < 5; commit++)
        {
            var events = Enumerable.Range(0, commit + 1).Select(i => Event(commit * 10 + i)).ToList();
            returned.Add(await test.Store.CommitAsync(Changes(events: events), default));
        }

        var feed = await test.Store.ReadFeedAsync(0, 1000, default);

        feed.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        feed.Select(e => e.SubjectId).Should().Equal(Enumerable.Range(0, 5).SelectMany(c => Enumerable.Range(0, c + 1).Select(i => Id(c * 10 + i))));
        returned.Should().Equal(feed.Where((e, i) => i is 0 or 2 or 5 or 9 or 14).Select(e => e.Sequence));
        (await test.Store.LoadAsync(default)).LastSequence.Should().Be(feed[^1].Sequence);
    }

    [SkippableFact]
    public async Task ReadFeed_PagesFromAnySequence()
    {
        await using var test = await CreateAsync();
        for (var commit = 0; commit < 4; commit++)
        {
            await test.Store.CommitAsync(Changes(events: [.. Enumerable.Range(0, 5).Select(i => Event(commit * 5 + i))]), default);
        }

        var all = await test.Store.ReadFeedAsync(0, int.MaxValue, default);

        all.Should().HaveCount(20);
        for (var after = -1L; after <= all[^1].Sequence + 1; after++)
        {
            foreach (var limit in new[] { 1, 3, 7, 100 })
            {
                var page = await test.Store.ReadFeedAsync(after, limit, default);
                page.Should().Equal(all.Where(e => e.Sequence > after).Take(limit), $"after {after}, limit {limit}");
            }
        }

        var cursor = 0L;
        var paged = new List<ChangeFeedEntry>();
        for (IReadOnlyList<ChangeFeedEntry> page; (page = await test.Store.ReadFeedAsync(cursor, 6, default)).Count > 0; cursor = page[^1].Sequence)
        {
            paged.AddRange(page);
        }

        paged.Should().Equal(all);
    }

    [SkippableFact]
    public async Task ReadFeed_LimitMustBePositive()
    {
        await using var test = await CreateAsync();

        var read = () => test.Store.ReadFeedAsync(0, 0, default);

        await read.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [SkippableFact]
    public async Task Commit_EmptyChangeSet_WritesNothing_AndReturnsTheLastSequence()
    {
        await using var test = await CreateAsync();
        (await test.Store.CommitAsync(InstanceChangeSet.Empty, default)).Should().Be(0);
        var last = await test.Store.CommitAsync(Changes(objects: [Computer(1)], events: [Event(1), Event(2)]), default);
        var before = await test.Store.LoadAsync(default);

        var returned = await test.Store.CommitAsync(InstanceChangeSet.Empty, default);

        returned.Should().Be(last);
        (await test.Store.LoadAsync(default)).Should().BeEquivalentTo(before);
        (await test.Store.ReadFeedAsync(0, 100, default)).Should().HaveCount(2);
        (await test.Store.CommitAsync(Changes(events: [Event(3)]), default)).Should().Be(last + 1);
    }

    [SkippableFact]
    public async Task ReadFeedHead_IsZeroOnAnEmptyFeed_ThenTheLastSequence()
    {
        await using var test = await CreateAsync();
        (await test.Store.ReadFeedHeadAsync(default)).Should().Be(0);

        var last = await test.Store.CommitAsync(Changes(objects: [Computer(1)], events: [Event(1), Event(2)]), default);

        (await test.Store.ReadFeedHeadAsync(default)).Should().Be(last).And.Be((await test.Store.ReadFeedAsync(0, 100, default))[^1].Sequence);
    }

    [SkippableFact]
    public async Task Commit_ClaimDuplicatedInTheChangeSet_FailsAndLeavesTheStoreAsItWas()
    {
        await using var test = await CreateAsync();
        await test.Store.CommitAsync(Changes(objects: [Computer(1)], claims: [ObjectClaim("a", 1)], events: [Event(1)]), default);
        var before = await SnapshotAsync(test.Store);
        var failing = new InstanceChangeSet(
            [Computer(1) with { DisplayName = "changed" }, Computer(2)], [], [Relationship(10, 1, 2)], [], [ObjectClaim("a", 2), ObjectClaim("b", 1), ObjectClaim("a", 2)], [ObjectClaim("a", 1)], [Event(2), Event(3)]);

        var commit = () => test.Store.CommitAsync(failing, default);

        await commit.Should().ThrowAsync<DbException>();
        (await SnapshotAsync(test.Store)).Should().BeEquivalentTo(before);
    }

    [SkippableFact]
    public async Task Commit_ClaimThatIsAlreadyStored_FailsAndLeavesTheStoreAsItWas()
    {
        await using var test = await CreateAsync();
        await test.Store.CommitAsync(Changes(objects: [Computer(1)], claims: [ObjectClaim("a", 1)], events: [Event(1)]), default);
        var before = await SnapshotAsync(test.Store);

        var commit = () => test.Store.CommitAsync(Changes(objects: [Computer(2)], claims: [ObjectClaim("a", 2), ObjectClaim("a", 1)], events: [Event(2)]), default);

        await commit.Should().ThrowAsync<DbException>();
        (await SnapshotAsync(test.Store)).Should().BeEquivalentTo(before);
    }

    [SkippableFact]
    public async Task Commit_ObjectWrittenTwiceInOneChangeSet_IsRejectedBeforeAnythingIsWritten()
    {
        await using var test = await CreateAsync();

        var commit = () => test.Store.CommitAsync(Changes(objects: [Computer(1), Computer(2), Computer(1) with { DisplayName = "again" }], events: [Event(1)]), default);

        (await commit.Should().ThrowAsync<ArgumentException>()).WithMessage($"*object {Id(1)} (Microsoft.Windows.Computer 'again') more than once*");
        (await SnapshotAsync(test.Store)).Should().BeEquivalentTo(new StoreSnapshot(new StoredInstances([], [], [], 0), []));
    }

    [SkippableFact]
    public async Task Commit_CancelledHalfway_RollsBackEverything()
    {
        await using var test = await CreateAsync();
        await test.Store.CommitAsync(Changes(objects: [Computer(1)], claims: [ObjectClaim("a", 1)], events: [Event(1)]), default);
        var before = await SnapshotAsync(test.Store);
        using var cancellation = new CancellationTokenSource();
        const int Count = 5000;
        var objects = Enumerable.Range(2, Count).Select(Computer).ToList();
        // Objects are written first; cancellation comes while the claims are being written.
        var claims = new CancellingList<Claim>([.. Enumerable.Range(2, Count).Select(i => ObjectClaim("a", i))], Count / 2, cancellation);
        var events = Enumerable.Range(2, Count).Select(Event).ToList();

        var commit = () => test.Store.CommitAsync(new InstanceChangeSet(objects, [Id(1)], [], [], claims, [ObjectClaim("a", 1)], events), cancellation.Token);

        await commit.Should().ThrowAsync<OperationCanceledException>();
        cancellation.IsCancellationRequested.Should().BeTrue();
        (await SnapshotAsync(test.Store)).Should().BeEquivalentTo(before);
        (await test.Store.CommitAsync(Changes(objects: [Computer(2)], claims: [ObjectClaim("a", 2)]), default)).Should().Be(before.Feed[^1].Sequence);
    }

    [SkippableFact]
    public async Task Commit_AlreadyCancelled_WritesNothing()
    {
        await using var test = await CreateAsync();

        var commit = () => test.Store.CommitAsync(Changes(objects: [Computer(1)], events: [Event(1)]), new CancellationToken(canceled: true));

        await commit.Should().ThrowAsync<OperationCanceledException>();
        (await test.Store.LoadAsync(default)).Objects.Should().BeEmpty();
    }

    [SkippableFact]
    public async Task Restart_KeepsEverything_AndTheFeedContinues()
    {
        await using var test = await CreateAsync();
        var last = await test.Store.CommitAsync(
            Changes(
                objects: [Computer(1), Computer(2) with { HostId = Id(1) }],
                relationships: [Relationship(10, 1, 2)],
                claims: [ObjectClaim("a", 1), ObjectClaim("a", 2), new Claim("a", ClaimKind.Relationship, Id(10))],
                events: [Event(1), Event(2), Event(10)]),
            default);
        var before = await SnapshotAsync(test.Store);

        var reopened = await test.ReopenAsync();

        (await SnapshotAsync(reopened)).Should().BeEquivalentTo(before);
        (await reopened.CommitAsync(Changes(events: [Event(3)]), default)).Should().Be(last + 1);
    }

    [SkippableFact]
    public async Task Commit_ConcurrentWriters_KeepEachCommitsFeedEntriesTogetherAndInCommitOrder()
    {
        await using var test = await CreateAsync();
        var other = await test.OpenAnotherAsync();
        const int Commits = 8;
        const int EventsPerCommit = 300;

        var lasts = await Task.WhenAll(Enumerable.Range(0, Commits).Select(c => Task.Run(() =>
            (c % 2 == 0 ? test.Store : other).CommitAsync(
                Changes(events: [.. Enumerable.Range(0, EventsPerCommit).Select(i => new ChangeFeedEvent("object.added", Id(c * 1000 + i), T0, $"{{\"commit\":{c}}}"))]),
                default))));
        var feed = await test.Store.ReadFeedAsync(0, int.MaxValue, default);

        feed.Should().HaveCount(Commits * EventsPerCommit);
        feed.Select(e => e.Sequence).Should().BeInAscendingOrder();
        foreach (var commit in feed.GroupBy(e => e.Payload))
        {
            var entries = commit.ToList();
            var c = int.Parse(commit.Key["{\"commit\":".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
            entries.Select(e => e.SubjectId).Should().Equal(Enumerable.Range(0, EventsPerCommit).Select(i => Id(c * 1000 + i)));
            (entries[^1].Sequence - entries[0].Sequence).Should().Be(EventsPerCommit - 1, "one commit's entries are not interleaved with another's");
            lasts[c].Should().Be(entries[^1].Sequence);
        }
    }

    [SkippableFact]
    public async Task Commit_AHundredThousandObjectSnapshot_IsStoredWhole()
    {
        await using var test = await CreateAsync();
        const int Count = 100_000;
        var objects = new List<MonitoringObject>(Count);
        for (var i = 0; i < Count; i++)
        {
            objects.Add(Computer(i) with { HostId = i % 3 == 0 ? null : Id(i - (i % 3)) });
        }

        var changes = new InstanceChangeSet(
            objects, [], [], [], [.. objects.Select(o => new Claim("discovery:Big:" + Id(0), ClaimKind.Object, o.Id))], [],
            [.. objects.Select(o => new ChangeFeedEvent("object.added", o.Id, T0, "{}"))]);

        var last = await test.Store.CommitAsync(changes, default);
        var loaded = await test.Store.LoadAsync(default);

        last.Should().Be(Count);
        loaded.Objects.Should().HaveCount(Count);
        loaded.Claims.Should().HaveCount(Count);
        loaded.LastSequence.Should().Be(Count);
        loaded.Objects.Single(o => o.Id == Id(77_777)).Should().BeEquivalentTo(objects[77_777]);
        (await test.Store.ReadFeedAsync(Count - 2, 10, default)).Select(e => e.SubjectId).Should().Equal(Id(Count - 2), Id(Count - 1));
    }
}
