using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Storage;
using MonitoringHost.Storage.Tests.Fixtures;
using static MonitoringHost.Discovery.Tests.Instances.TestModel;

namespace MonitoringHost.Discovery.Tests.Instances;

/// <summary>
/// The instance space's behaviour, run against every store provider: each concrete subclass supplies a fresh store
/// and a way to reopen it (a restart).
/// </summary>
public abstract class InstanceSpaceSuite : IAsyncLifetime
{
    private static readonly DiscoverySource Vmm = DiscoverySource.Sdk("vmm");
    private static readonly DiscoverySource Cmdb = DiscoverySource.Connector(Guid.Parse("3f1c3f3e-0f4e-4c43-9b39-7e7d84b4a001"));

    private TestStore? _location;
    private IInstanceStore? _store;
    private InstanceSpace? _space;
    private string? _unavailable;

    protected InstanceSpace Space => _space!;

    /// <summary>The store provider the suite runs against.</summary>
    protected abstract StoreProvider Provider { get; }

    public async Task InitializeAsync()
    {
        try
        {
            _location = await TestStores.CreateAsync(Provider);
            _store = _location.Store;
        }
        catch (SkipException skip)
        {
            // The provider is not here on this machine (and this is not CI): each test then skips with the reason.
            _unavailable = skip.Message;
            return;
        }

        _space = await InstanceSpace.OpenAsync(TestModel.Classes, _store, TimeProvider.System, CancellationToken.None);
    }

    /// <summary>Skips the test when its store provider is not available here.</summary>
    private void Ready() => Skip.If(_unavailable is not null, _unavailable);

    public async Task DisposeAsync()
    {
        _space?.Dispose();
        if (_location is not null)
        {
            await _location.DisposeAsync();
        }
    }

    private async Task RestartAsync()
    {
        _space!.Dispose();
        _store = await _location!.ReopenAsync();
        _space = await InstanceSpace.OpenAsync(TestModel.Classes, _store, TimeProvider.System, CancellationToken.None);
    }

    private Task<DiscoveryResult> Apply(DiscoveryData data) => Space.ApplyAsync(data, CancellationToken.None);

    private static DiscoveryData ThreeLevels(DiscoverySource source, string computer = "web01.contoso.com") =>
        DiscoveryData.Snapshot(source, [Computer(computer), App(computer, "Shop", "1.0"), Component(computer, "Shop", "Cart", 2.5), Component(computer, "Shop", "Checkout")]);

    /// <summary>Objects some discovery source claims (the packs' singletons left out).</summary>
    private List<MonitoringObject> Discovered() =>
        [.. Space.OfClass("System.Entity").Where(o => !Space.ClaimsOn(o.Id).All(c => c.StartsWith("pack:", StringComparison.Ordinal)))];

    private async Task<IReadOnlyList<ChangeFeedEntry>> Feed(long after = 0) => await Space.ReadFeedAsync(after, 10_000, CancellationToken.None);

    [SkippableFact]
    public async Task Snapshot_CreatesObjectsWithDeterministicIdsPathsAndHosts()
    {
        Ready();
        var result = await Apply(ThreeLevels(Vmm));

        result.Created.Should().HaveCount(4);
        var computer = Space.WithProperty("Microsoft.Windows.Computer", "PrincipalName", "WEB01.contoso.com").Should().ContainSingle().Subject;
        var app = Space.HostedBy(computer.Id).Should().ContainSingle().Subject;
        app.ClassName.Should().Be("Test.App");
        app.Path.Should().Be("web01.contoso.com;Shop");
        app.DisplayName.Should().Be("Shop");
        app["Version"].Should().Be("1.0");
        Space.HostedBy(computer.Id, recursive: true).Select(o => o.DisplayName).Should().BeEquivalentTo("Shop", "Cart", "Checkout");
        var cart = Space.OfClass("Test.Component").Single(c => c["ComponentName"] == "Cart");
        (cart.HostId, cart["Size"], cart.Path).Should().Be((app.Id, "2.5", "web01.contoso.com;Shop;Cart"));

        var again = await Apply(ThreeLevels(DiscoverySource.Sdk("other")));
        again.Created.Should().BeEmpty("the same keys under the same host are the same objects");
        Discovered().Should().HaveCount(4);
    }

    [SkippableFact]
    public async Task HostedOrContainedBy_FollowsHostingAndContainmentAllTheWayDown()
    {
        Ready();
        var group = new ObjectData("Test.Group", new Dictionary<string, string?>());
        await Apply(DiscoveryData.Snapshot(DiscoverySource.Sdk("tests"), [Computer("a.contoso.com"), App("a.contoso.com", "Shop"), Component("a.contoso.com", "Shop", "Cart"), Computer("b.contoso.com"), App("b.contoso.com", "Mail")],
            [new RelationshipData("MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities", group, App("a.contoso.com", "Shop")),
             new RelationshipData("MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities", group, Computer("b.contoso.com"))]));
        var groupId = Space.OfClass("Test.Group").Single().Id;
        var a = Space.WithProperty("Microsoft.Windows.Computer", "PrincipalName", "a.contoso.com").Single().Id;

        Space.HostedOrContainedBy(groupId).Select(o => o.Path).Should().BeEquivalentTo(
            "a.contoso.com;Shop", "a.contoso.com;Shop;Cart", "b.contoso.com", "b.contoso.com;Mail");
        Space.HostedOrContainedBy(a).Select(o => o.Path).Should().BeEquivalentTo("a.contoso.com;Shop", "a.contoso.com;Shop;Cart");
        Space.Contains(groupId, Space.OfClass("Test.App").Single(o => o.Path == "a.contoso.com;Shop").Id).Should().BeTrue();
        Space.Contains(groupId, Space.OfClass("Test.Component").Single().Id).Should().BeFalse("containment alone does not follow hosting");
    }

    [SkippableFact]
    public async Task Snapshot_ReplacesTheSourcesClaim_AndReleasesWhatItOmits()
    {
        Ready();
        await Apply(ThreeLevels(Vmm));

        var result = await Apply(DiscoveryData.Snapshot(Vmm, [Computer("web01.contoso.com"), App("web01.contoso.com", "Shop", "1.1"), Component("web01.contoso.com", "Shop", "Cart", 2.5)]));

        result.Created.Should().BeEmpty();
        result.Updated.Should().ContainSingle().Which.Should().Be(Space.OfClass("Test.App").Single().Id);
        result.Removed.Should().ContainSingle().Which.Should().NotBe(Guid.Empty);
        Space.OfClass("Test.Component").Select(c => c["ComponentName"]).Should().Equal("Cart");
        Space.OfClass("Test.App").Single()["Version"].Should().Be("1.1");
    }

    [SkippableFact]
    public async Task EmptySnapshot_UndiscoversEverythingTheSourceHadFound()
    {
        Ready();
        await Apply(ThreeLevels(Vmm));

        var result = await Apply(DiscoveryData.Snapshot(Vmm, []));

        result.Removed.Should().HaveCount(4);
        Discovered().Should().BeEmpty();
        Space.OfClass("Test.Group").Should().ContainSingle("singletons belong to their pack, not to the source");
    }

    [SkippableFact]
    public async Task Incremental_AddsAndRemoves_WithoutTouchingTheRestOfTheClaim()
    {
        Ready();
        await Apply(DiscoveryData.Incremental(Vmm, [Computer("a.contoso.com"), App("a.contoso.com", "One")]));
        await Apply(DiscoveryData.Incremental(Vmm, [App("a.contoso.com", "Two")]));

        Space.OfClass("Test.App").Select(a => a.DisplayName).Should().BeEquivalentTo("One", "Two");

        var result = await Apply(new DiscoveryData(DiscoveryMode.Incremental, Vmm, [], []) { RemovedObjects = [App("a.contoso.com", "One")] });

        result.Removed.Should().ContainSingle();
        Space.OfClass("Test.App").Select(a => a.DisplayName).Should().Equal("Two");
        Space.OfClass("Microsoft.Windows.Computer").Should().ContainSingle();
    }

    [SkippableFact]
    public async Task RemovalsMustBeClaimed_RefusesRemovingWhatTheSourceDoesNotClaim_AndAppliesNothing()
    {
        Ready();
        await Apply(DiscoveryData.Incremental(Vmm, [Computer("a.contoso.com"), App("a.contoso.com", "One")]));
        await Apply(DiscoveryData.Incremental(Cmdb, [App("a.contoso.com", "Two")]));
        var before = await Feed();

        var refused = new DiscoveryData(DiscoveryMode.Incremental, Cmdb, [App("a.contoso.com", "Three")], [])
        {
            RemovedObjects = [App("a.contoso.com", "Two"), App("a.contoso.com", "One"), App("a.contoso.com", "Never")],
            RemovalsMustBeClaimed = true,
        };
        var rejected = (await ((Func<Task>)(() => Apply(refused))).Should().ThrowAsync<DiscoveryDataRejectedException>()).Which;

        rejected.Problems.Select(p => p.Path).Should().Equal("removals[1]", "removals[2]");
        rejected.Problems[0].Message.Should().StartWith($"{Cmdb} does not claim this Test.App");
        Space.OfClass("Test.App").Select(a => a.DisplayName).Should().BeEquivalentTo("One", "Two");
        (await Feed()).Should().HaveCount(before.Count, "a refused submission writes nothing");

        // Without the flag (discovery workflows), removing what is not claimed is simply nothing to do.
        var result = await Apply(refused with { RemovalsMustBeClaimed = false });
        result.Removed.Should().ContainSingle();
        Space.OfClass("Test.App").Select(a => a.DisplayName).Should().BeEquivalentTo("One", "Three");
    }

    [SkippableFact]
    public async Task TwoSourcesClaimingOneObject_RemovingOneClaimKeepsIt_RemovingBothRemovesIt()
    {
        Ready();
        await Apply(DiscoveryData.Snapshot(Vmm, [Computer("shared.contoso.com", "10.0.0.1")]));
        await Apply(DiscoveryData.Snapshot(Cmdb, [Computer("shared.contoso.com")]));
        var computer = Space.OfClass("Microsoft.Windows.Computer").Single();
        Space.ClaimsOn(computer.Id).Should().Equal(Cmdb.Value, Vmm.Value);

        var first = await Apply(DiscoveryData.Snapshot(Vmm, []));

        first.Removed.Should().BeEmpty();
        Space.Get(computer.Id).Should().NotBeNull();
        Space.Get(computer.Id)!["IPAddress"].Should().Be("10.0.0.1", "values stay while the object lives");
        Space.ClaimsOn(computer.Id).Should().Equal(Cmdb.Value);

        var second = await Apply(DiscoveryData.Snapshot(Cmdb, []));

        second.Removed.Should().Equal(computer.Id);
        Space.Get(computer.Id).Should().BeNull();
    }

    [SkippableFact]
    public async Task RemovingAHost_CascadesThroughHosting_AndDropsRelationshipsTouchingRemovedObjects()
    {
        Ready();
        await Apply(ThreeLevels(Vmm, "a.contoso.com"));
        await Apply(DiscoveryData.Snapshot(Cmdb, [Computer("b.contoso.com"), App("b.contoso.com", "Billing"), Component("a.contoso.com", "Shop", "Extra")], [References("b.contoso.com", "Billing", "a.contoso.com", "Shop")]));
        Space.AllRelationships().Should().ContainSingle();

        var result = await Apply(DiscoveryData.Snapshot(Vmm, []));

        result.Removed.Should().HaveCount(5, "the computer, its app, and the app's three components, one of them claimed by another source");
        result.RelationshipsRemoved.Should().ContainSingle();
        Space.AllRelationships().Should().BeEmpty();
        Space.OfClass("Test.Component").Should().BeEmpty();
        Space.OfClass("Test.App").Select(a => a.DisplayName).Should().Equal("Billing");
        Space.ClaimsOn(result.Removed[0]).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task Relationships_AreAddedQueriedAndRemovedWithTheirClaims()
    {
        Ready();
        await Apply(DiscoveryData.Snapshot(Vmm, [Computer("a.contoso.com"), App("a.contoso.com", "Shop"), App("a.contoso.com", "Billing", className: "Test.WebApp")]));
        var shop = Space.OfClass("Test.App", includeDerived: false).Single();

        await Apply(DiscoveryData.Incremental(Cmdb, [], [References("a.contoso.com", "Shop", "a.contoso.com", "Billing")]));

        Space.Targets(shop.Id, "Test.AppReferencesApp").Select(t => t.DisplayName).Should().Equal("Billing");
        Space.Targets(shop.Id, "System.Reference").Should().ContainSingle("relationship queries include derived types");
        Space.OfClass("Test.App").Should().HaveCount(2, "class queries include derived classes");
        Space.OfClass("Test.App", includeDerived: false).Should().ContainSingle();

        var result = await Apply(new DiscoveryData(DiscoveryMode.Incremental, Cmdb, [], [])
        {
            RemovedRelationships = [References("a.contoso.com", "Shop", "a.contoso.com", "Billing")],
        });

        result.RelationshipsRemoved.Should().ContainSingle();
        result.Removed.Should().BeEmpty("removing a relationship removes no object");
        Space.RelationshipsOf(shop.Id).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task SingletonClasses_ExistOnceFromTheStart_AndNotTwiceAfterRestart()
    {
        Ready();
        var group = Space.OfClass("Test.Group").Should().ContainSingle().Subject;
        Space.ClaimsOn(group.Id).Should().Equal("pack:Test.Instances");

        await RestartAsync();

        Space.OfClass("Test.Group").Should().ContainSingle().Which.Id.Should().Be(group.Id);
    }

    [SkippableFact]
    public async Task Restart_KeepsObjectsRelationshipsAndClaims()
    {
        Ready();
        await Apply(ThreeLevels(Vmm, "a.contoso.com"));
        await Apply(DiscoveryData.Snapshot(Cmdb, [Computer("a.contoso.com"), App("a.contoso.com", "Billing")], [References("a.contoso.com", "Shop", "a.contoso.com", "Billing")]));
        var before = Space.OfClass("System.Entity").OrderBy(o => o.Id).ToList();
        var sequence = Space.LastSequence;

        await RestartAsync();

        Space.OfClass("System.Entity").OrderBy(o => o.Id).Should().BeEquivalentTo(before, o => o.Using<DateTimeOffset>(c => c.Subject.Should().BeCloseTo(c.Expectation, TimeSpan.FromMilliseconds(1))).WhenTypeIs<DateTimeOffset>());
        Space.AllRelationships().Should().ContainSingle();
        Space.LastSequence.Should().Be(sequence);
        Space.ClaimsOn(Space.OfClass("Microsoft.Windows.Computer").Single().Id).Should().Equal(Cmdb.Value, Vmm.Value);
        var reapplied = await Apply(ThreeLevels(Vmm, "a.contoso.com"));
        (reapplied.Created.Count, reapplied.Updated.Count, reapplied.Removed.Count).Should().Be((0, 0, 0));
        Space.LastSequence.Should().Be(sequence, "an unchanged snapshot writes nothing");
    }

    [SkippableFact]
    public async Task ResentSnapshot_AfterAnotherSourceChangedAValue_SetsTheValueAgain()
    {
        Ready();
        await Apply(ThreeLevels(Vmm));
        await Apply(DiscoveryData.Incremental(Cmdb, [App("web01.contoso.com", "Shop", "2.0")]));
        Space.OfClass("Test.App").Single()["Version"].Should().Be("2.0");

        var result = await Apply(ThreeLevels(Vmm));

        result.Updated.Should().ContainSingle();
        Space.OfClass("Test.App").Single()["Version"].Should().Be("1.0", "the snapshot says 1.0, whatever it said before");
    }

    [SkippableFact]
    public async Task SameDataSentAgain_AfterItsClaimWasReleased_ClaimsItAgain()
    {
        Ready();
        var app = App("a.contoso.com", "Shop", "1.0");
        await Apply(DiscoveryData.Incremental(Vmm, [Computer("a.contoso.com"), app]));
        await Apply(DiscoveryData.Incremental(Cmdb, [Computer("a.contoso.com"), App("a.contoso.com", "Shop")]));
        await Apply(new DiscoveryData(DiscoveryMode.Incremental, Vmm, [], []) { RemovedObjects = [app] });
        var id = Space.OfClass("Test.App").Single().Id;
        Space.ClaimsOn(id).Should().Equal(Cmdb.Value);

        await Apply(DiscoveryData.Incremental(Vmm, [Computer("a.contoso.com"), app]));

        Space.ClaimsOn(id).Should().Equal(Cmdb.Value, Vmm.Value);
        await Apply(DiscoveryData.Snapshot(Cmdb, []));
        Space.Get(id).Should().NotBeNull("the first source claims it again");
    }

    [SkippableFact]
    public async Task LargeSnapshot_CheckedInSlices_GivesTheSameIdsAndProblemsAsOneByOne()
    {
        Ready();
        var objects = new List<ObjectData>();
        for (var c = 0; c < 6_000; c++)
        {
            var name = $"large{c:D5}.contoso.com";
            objects.Add(App(name, "Shop")); // hosts come later in the data: order does not matter
            objects.Add(Computer(name));
        }

        var broken = objects.ToList();
        broken[11_000] = new ObjectData("Test.App", new Dictionary<string, string?> { ["InstanceName"] = "Shop", ["Port"] = "x" }, Computer("large05500.contoso.com"));
        broken[11_003] = new ObjectData("Test.App", new Dictionary<string, string?> { ["InstanceName"] = "Shop" }, Computer("nowhere.contoso.com"));

        var rejected = (await ((Func<Task>)(() => Apply(DiscoveryData.Snapshot(Vmm, broken)))).Should().ThrowAsync<DiscoveryDataRejectedException>()).Which;
        rejected.Problems.Select(p => p.Path).Should().Equal(["objects[11000].properties.Port", "objects[11002].host", "objects[11003].host"], "replacing computer 5501 also leaves the application before it without a host");

        var result = await Apply(DiscoveryData.Snapshot(Vmm, objects));

        result.Created.Should().HaveCount(12_000);
        var app = Space.WithProperty("Microsoft.Windows.Computer", "PrincipalName", "large04321.contoso.com").Single();
        Space.HostedBy(app.Id).Single().Path.Should().Be("large04321.contoso.com;Shop");
    }

    /// <summary>
    /// 1,000 computers, each with one application of 10 components: 12,000 objects, enough to be recognised in parallel
    /// slices. Applications on even computers name their host by the listed computer object itself, the others by its
    /// key alone (both as real data does); components name their application by the listed object.
    /// </summary>
    private static DiscoveryData Estate(Func<int, string> version, Func<int, int> componentApp)
    {
        var objects = new List<ObjectData>();
        var apps = new List<ObjectData>();
        for (var c = 0; c < 1_000; c++)
        {
            var name = $"estate{c:D4}.contoso.com";
            var computer = Computer(name);
            objects.Add(computer);
            var app = new ObjectData("Test.App", new Dictionary<string, string?> { ["InstanceName"] = "Shop", ["Version"] = version(c) }, c % 2 == 0 ? computer : Computer(name));
            objects.Add(app);
            apps.Add(app);
        }

        for (var c = 0; c < 1_000; c++)
        {
            for (var k = 0; k < 10; k++)
            {
                objects.Add(new ObjectData("Test.Component", new Dictionary<string, string?> { ["ComponentName"] = $"C{(c * 10) + k}" }, apps[componentApp((c * 10) + k)]));
            }
        }

        return DiscoveryData.Snapshot(Vmm, objects);
    }

    [SkippableFact]
    public async Task LargeResentSnapshot_WritesOnlyWhatChanged_WhereverTheHostIsNamed()
    {
        Ready();
        await Apply(Estate(_ => "1.0", component => component / 10));
        var sequence = Space.LastSequence;

        var same = await Apply(Estate(_ => "1.0", component => component / 10));
        (same.Created.Count, same.Updated.Count, same.Removed.Count).Should().Be((0, 0, 0));
        Space.LastSequence.Should().Be(sequence, "data sent again unchanged writes nothing");

        // Two applications change (one host named by object, one by key); one component moves to another
        // application, which makes it another object.
        var changed = await Apply(Estate(c => c is 10 or 11 ? "2.0" : "1.0", component => component == 55 ? 6 : component / 10));

        changed.Updated.Select(id => Space.Get(id)!.Path).Should().BeEquivalentTo(["estate0010.contoso.com;Shop", "estate0011.contoso.com;Shop"]);
        changed.Updated.Select(id => Space.Get(id)!["Version"]).Should().AllBe("2.0");
        changed.Created.Select(id => Space.Get(id)!.Path).Should().Equal("estate0006.contoso.com;Shop;C55");
        changed.Removed.Should().ContainSingle();
        Space.OfClass("Test.Component").Should().HaveCount(10_000);
        int ComponentsOf(string computer) => Space.HostedBy(Space.WithProperty("Microsoft.Windows.Computer", "PrincipalName", computer).Single().Id, recursive: true).Count(o => o.ClassName == "Test.Component");
        (ComponentsOf("estate0005.contoso.com"), ComponentsOf("estate0006.contoso.com")).Should().Be((9, 11));
        (await Feed(sequence)).Select(e => e.Kind).Order().Should().Equal("object.added", "object.changed", "object.changed", "object.removed");
    }

    public static TheoryData<string, DiscoveryData, string> InvalidData()
    {
        var source = DiscoverySource.Workflow("Test.App.Discovery", Guid.Parse("0b6f5e1c-4a8b-4b61-a1d3-7a2c9a3c1e01"));
        return new TheoryData<string, DiscoveryData, string>
        {
            { "missing key", DiscoveryData.Snapshot(Vmm, [new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["IPAddress"] = "10.0.0.9" })]), "objects[0].properties.PrincipalName" },
            { "mistyped value", DiscoveryData.Snapshot(Vmm, [Computer("a.contoso.com"), new ObjectData("Test.App", new Dictionary<string, string?> { ["InstanceName"] = "X", ["Port"] = "eighty" }, Computer("a.contoso.com"))]), "objects[1].properties.Port" },
            { "unknown property", DiscoveryData.Snapshot(Vmm, [new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = "a", ["Colour"] = "red" })]), "objects[0].properties.Colour" },
            { "host missing", DiscoveryData.Snapshot(Vmm, [App("nowhere.contoso.com", "Shop")]), "objects[0].host" },
            { "hosted without host", DiscoveryData.Snapshot(Vmm, [new ObjectData("Test.App", new Dictionary<string, string?> { ["InstanceName"] = "X" })]), "objects[0].host" },
            { "abstract class", DiscoveryData.Snapshot(Vmm, [new ObjectData("System.Computer", new Dictionary<string, string?>())]), "objects[0].class" },
            { "unknown class", DiscoveryData.Snapshot(Vmm, [new ObjectData("Contoso.Nothing", new Dictionary<string, string?>())]), "objects[0].class" },
            { "class the discovery does not declare", DiscoveryData.Snapshot(source, [Computer("a.contoso.com"), App("a.contoso.com", "Shop")]), "objects[0].class" },
            { "relationship end missing", DiscoveryData.Snapshot(Vmm, [Computer("a.contoso.com"), App("a.contoso.com", "Shop")], [References("a.contoso.com", "Shop", "a.contoso.com", "Ghost")]), "relationships[0].target" },
            { "hosting relationship submitted", DiscoveryData.Snapshot(Vmm, [Computer("a.contoso.com"), App("a.contoso.com", "Shop")], [new RelationshipData("Test.AppHostsComponent", App("a.contoso.com", "Shop"), Component("a.contoso.com", "Shop", "C"))]), "relationships[0].type" },
        };
    }

    [SkippableTheory]
    [MemberData(nameof(InvalidData))]
    public async Task InvalidDiscoveryData_IsRejectedWhole_AndLeavesTheStoreUntouched(string why, DiscoveryData data, string path)
    {
        Ready();
        await Apply(ThreeLevels(Vmm));
        var before = Space.OfClass("System.Entity").Select(o => o.Id).Order().ToList();
        var feed = await Feed();

        var act = () => Apply(data);

        var rejected = (await act.Should().ThrowAsync<DiscoveryDataRejectedException>(why)).Which;
        rejected.Problems.Select(p => p.Path).Should().Contain(path);
        Space.OfClass("System.Entity").Select(o => o.Id).Order().Should().Equal(before);
        (await Feed()).Should().HaveCount(feed.Count);
        await RestartAsync();
        Space.OfClass("System.Entity").Select(o => o.Id).Order().Should().Equal(before);
    }

    [SkippableFact]
    public async Task ChangeFeed_HasExactlyOneEntryPerChange_InOrder()
    {
        Ready();
        var start = Space.LastSequence;
        await Apply(ThreeLevels(Vmm));
        await Apply(DiscoveryData.Snapshot(Vmm, [Computer("web01.contoso.com"), App("web01.contoso.com", "Shop", "2.0"), Component("web01.contoso.com", "Shop", "Cart", 2.5)]));
        await Apply(DiscoveryData.Snapshot(Vmm, [Computer("web01.contoso.com"), App("web01.contoso.com", "Shop", "2.0"), Component("web01.contoso.com", "Shop", "Cart", 2.5)]));

        var feed = await Feed(start);

        feed.Select(e => e.Kind).Should().Equal(
            "object.added", "object.added", "object.added", "object.added",
            "object.removed", "object.changed");
        feed.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        feed[^1].SubjectId.Should().Be(Space.OfClass("Test.App").Single().Id);
        feed[^1].Payload.Should().Contain("\"Version\":\"2.0\"");
        feed[4].SubjectId.Should().NotBe(Space.OfClass("Test.Component").Single().Id);
        (await Feed(feed[3].Sequence)).Should().HaveCount(2, "the feed pages from any sequence number");
    }
}

/// <summary>The instance-space suite over a SQLite file.</summary>
public sealed class SqliteInstanceSpaceTests : InstanceSpaceSuite
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}

/// <summary>The instance-space suite over a PostgreSQL database of its own.</summary>
public sealed class PostgresInstanceSpaceTests : InstanceSpaceSuite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}
