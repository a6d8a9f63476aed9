using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Groups;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Storage;
using MonitoringHost.Storage.Tests.Fixtures;
using static MonitoringHost.Discovery.Tests.Groups.GroupTestModel;

namespace MonitoringHost.Discovery.Tests.Groups;

#pragma warning disable CA1001 // The calculator is disposed in DisposeAsync, which xunit calls.

/// <summary>
/// Group membership kept by <see cref="GroupCalculator"/> in a real store, run once per provider by
/// <see cref="SqliteGroupCalculatorTests"/> and <see cref="PostgresGroupCalculatorTests"/>, each on a fresh database
/// per test.
/// </summary>
public abstract class GroupCalculatorSuite(StoreProvider provider) : IAsyncLifetime
{
    private static readonly string[] ProductionAppsSource = ["group:Test.Groups.ProductionApps.Discovery"];
    private static readonly DiscoverySource Web = DiscoverySource.Sdk("web-inventory");
    private static readonly DiscoverySource Db = DiscoverySource.Sdk("db-inventory");

    private TestStore? _store;
    private InstanceSpace? _space;
    private GroupCalculator? _groups;

    protected InstanceSpace Space => _space!;

    protected GroupCalculator Groups => _groups!;

    public async Task InitializeAsync()
    {
        _store = await TestStores.CreateAsync(provider);
        _space = await InstanceSpace.OpenAsync(GroupTestModel.Classes, _store.Store, TimeProvider.System, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_groups is not null)
        {
            await _groups.DisposeAsync();
        }

        _space?.Dispose();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>Starts the calculator; without the background loop unless asked, so tests decide when recalculation runs.</summary>
    private async Task StartAsync(bool background = false)
    {
        _groups = new GroupCalculator(GroupDefinitionReader.Read(GroupTestModel.Classes), background);
        await _groups.StartAsync(Space, CancellationToken.None);
    }

    private async Task Apply(DiscoveryData data)
    {
        await Space.ApplyAsync(data, CancellationToken.None);
        if (_groups is not null)
        {
            await _groups.RecomputeAsync(CancellationToken.None);
        }
    }

    private MonitoringObject GroupObject(string groupClass) => Space.OfClass(groupClass).Should().ContainSingle().Subject;

    /// <summary>The display names of a group's members (computers by principal name, the rest by path).</summary>
    private List<string> Members(string groupClass, string relationship = InstanceGroupContainsEntities) =>
        [.. Space.Targets(GroupObject(groupClass).Id, relationship).Select(o => o.Path).Order(StringComparer.Ordinal)];

    private static DiscoveryData WebApps(string shopTier = "Production") => DiscoveryData.Snapshot(Web, [
        Computer("web01.contoso.com"),
        App("web01.contoso.com", "Shop", tier: shopTier, version: "1.0", port: 8080),
        App("web01.contoso.com", "Blog", tier: "Prod", port: 80),
        App("web01.contoso.com", "Wiki", tier: "production", version: "2.0"),
        App("web01.contoso.com", "Cart", tier: "Staging", version: "0.9", port: 10000),
        App("web01.contoso.com", "Legacy", tier: "Production", version: "0.1", port: 9000),
    ]);

    private static DiscoveryData Databases(params string[] names) => DiscoveryData.Snapshot(Db, [
        Computer("db01.contoso.com"),
        App("db01.contoso.com", "Engine", tier: "Production", version: "16.0"),
        Computer("db02.prod.contoso.com"),
        App("db02.prod.contoso.com", "Engine", tier: "Production", version: "16.0"),
        .. names.Select(n => Database(n.StartsWith("db02:", StringComparison.Ordinal) ? "db02.prod.contoso.com" : "db01.contoso.com", "Engine", n.Split(':')[^1])),
    ]);

    [SkippableFact]
    public async Task StartAsync_PropertyRegexAndNullTest_GroupHoldsMatchingAppsOnly()
    {
        await Space.ApplyAsync(WebApps(), CancellationToken.None);

        await StartAsync();

        // ^Prod(uction)?$ is case-sensitive (Wiki's "production" does not match); Blog has no Version (IsNotNull).
        Members(ProductionApps).Should().Equal("web01.contoso.com;Legacy", "web01.contoso.com;Shop");
        Members(StagingApps).Should().Equal("web01.contoso.com;Cart");
        Groups.Failures.Should().BeEmpty();
        Groups.HasPending.Should().BeFalse();
    }

    [SkippableFact]
    public async Task Membership_IsASnapshotFromTheGroupSource()
    {
        await StartAsync();
        await Apply(WebApps());

        var group = GroupObject(ProductionApps);
        var relationships = Space.RelationshipsOf(group.Id).Where(r => r.SourceId == group.Id).ToList();
        relationships.Should().HaveCount(2).And.OnlyContain(r => r.TypeName == InstanceGroupContainsEntities);
        relationships.Should().OnlyContain(r => Space.ClaimsOn(r.Id).SequenceEqual(ProductionAppsSource));
    }

    [SkippableFact]
    public async Task PropertyChange_MovesAnAppFromOneGroupToAnother()
    {
        await StartAsync();
        await Apply(WebApps());
        Members(StagingApps).Should().Equal("web01.contoso.com;Cart");

        await Apply(DiscoveryData.Incremental(Web, [App("web01.contoso.com", "Cart", tier: "Production")]));

        Members(ProductionApps).Should().Equal("web01.contoso.com;Cart", "web01.contoso.com;Legacy", "web01.contoso.com;Shop");
        Members(StagingApps).Should().BeEmpty();

        await Apply(DiscoveryData.Incremental(Web, [App("web01.contoso.com", "Shop", tier: "Staging-2")]));

        Members(ProductionApps).Should().Equal("web01.contoso.com;Cart", "web01.contoso.com;Legacy");
        Members(StagingApps).Should().Equal("web01.contoso.com;Shop");
    }

    [SkippableFact]
    public async Task UndiscoveredMember_LeavesTheGroup()
    {
        await StartAsync();
        await Apply(WebApps());

        await Apply(DiscoveryData.Snapshot(Web, [Computer("web01.contoso.com"), App("web01.contoso.com", "Legacy", tier: "Production", version: "0.1")]));

        Members(ProductionApps).Should().Equal("web01.contoso.com;Legacy");
        Members(StagingApps).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task IncludeAndExcludeLists_AddListedObjectsAndDropExcludedOnes()
    {
        await StartAsync();
        await Apply(WebApps());

        // Port >= 8000 compares numbers (10000 passes, though "10000" < "8000" as text); Legacy (9000) is excluded;
        // db01 is listed but does not exist yet.
        Members(Listed).Should().Equal("web01.contoso.com;Cart", "web01.contoso.com;Shop");
        Space.Get(ExcludedApp)!.Path.Should().Be("web01.contoso.com;Legacy");

        await Apply(Databases());

        Members(Listed).Should().Equal("db01.contoso.com", "web01.contoso.com;Cart", "web01.contoso.com;Shop");
        Space.Targets(GroupObject(Listed).Id, InstanceGroupContainsEntities).Should().Contain(o => o.Id == IncludedComputer);
    }

    [SkippableFact]
    public async Task ComputerGroup_ContainsThroughHosting_FollowsTheHostedDatabases()
    {
        await StartAsync();
        await Apply(WebApps());
        await Apply(Databases("SQL1Orders", "db02:Reports"));

        // db01 hosts Engine, which hosts SQL1Orders (SQL#* matches); db02's database does not match; web01 has none.
        Members(SqlComputers, ComputerGroupContainsComputer).Should().Equal("db01.contoso.com");

        await Apply(Databases("SQL1Orders", "db02:SQL2Reports"));
        Members(SqlComputers, ComputerGroupContainsComputer).Should().Equal("db01.contoso.com", "db02.prod.contoso.com");

        await Apply(Databases("db02:SQL2Reports", "SQLX"));
        Members(SqlComputers, ComputerGroupContainsComputer).Should().Equal(["db02.prod.contoso.com"], "SQLX does not match SQL#*");
    }

    [SkippableFact]
    public async Task Contained_WalksHostingUpToTheComputer()
    {
        await StartAsync();
        await Apply(Databases("Orders", "db02:Reports", "db02:Billing"));

        Members(ProdDomainDatabases).Should().Equal("db02.prod.contoso.com;Engine;Billing", "db02.prod.contoso.com;Engine;Reports");
    }

    [SkippableFact]
    public async Task Contained_InAnotherGroup_FollowsThatGroupsMembership()
    {
        await StartAsync();
        await Apply(WebApps());
        await Apply(Databases("SQL1Orders"));

        // Apps on computers that are members of the SQL computer group: db01's Engine only.
        Members(AppsOnSqlComputers).Should().Equal("db01.contoso.com;Engine");

        await Apply(Databases("db02:SQL2Reports"));

        Members(SqlComputers, ComputerGroupContainsComputer).Should().Equal("db02.prod.contoso.com");
        Members(AppsOnSqlComputers).Should().Equal("db02.prod.contoso.com;Engine");
    }

    [SkippableFact]
    public async Task RecalculationThatChangesNothing_CommitsNothingAndStops()
    {
        await StartAsync();
        await Apply(WebApps());
        await Apply(Databases("SQL1Orders"));
        var calculations = Groups.Calculations;
        var events = 0;
        Space.Changed += (_, _) => events++;

        // Blog's port changes: the groups reading App properties are recalculated, their memberships stay as they were.
        await Space.ApplyAsync(DiscoveryData.Incremental(Web, [App("web01.contoso.com", "Blog", tier: "Prod", port: 81)]), CancellationToken.None);
        events.Should().Be(1);
        Groups.HasPending.Should().BeTrue();
        await Groups.RecomputeAsync(CancellationToken.None);

        events.Should().Be(1, "unchanged snapshots commit nothing");
        Groups.Calculations.Should().Be(calculations + 4, "ProductionApps, StagingApps, Listed and AppsOnSqlComputers read apps");
        Groups.HasPending.Should().BeFalse();
        await Groups.RecomputeAsync(CancellationToken.None);
        Groups.Calculations.Should().Be(calculations + 4);
    }

    [SkippableFact]
    public async Task ChangeOfAClassNoRuleMentions_RecalculatesNothing()
    {
        await StartAsync();
        var calculations = Groups.Calculations;
        var pool = new ObjectData("Microsoft.SystemCenter.ManagementServicePool", new Dictionary<string, string?> { ["PoolId"] = "pool-1" });

        var result = await Space.ApplyAsync(DiscoveryData.Snapshot(DiscoverySource.Sdk("pools"), [pool]), CancellationToken.None);

        result.Created.Should().ContainSingle();
        Groups.HasPending.Should().BeFalse();
        await Groups.RecomputeAsync(CancellationToken.None);
        Groups.Calculations.Should().Be(calculations);
    }

    [SkippableFact]
    public async Task BackgroundLoop_RecalculatesWithoutBeingAsked()
    {
        await StartAsync(background: true);

        await Space.ApplyAsync(WebApps(), CancellationToken.None);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Members(ProductionApps).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Members(ProductionApps).Should().Equal("web01.contoso.com;Legacy", "web01.contoso.com;Shop");
        await Groups.RecomputeAsync(CancellationToken.None);
        Members(StagingApps).Should().Equal("web01.contoso.com;Cart");
    }

    [SkippableFact]
    public async Task Restart_KeepsMembershipAndRecalculatesNothingNew()
    {
        await StartAsync();
        await Apply(WebApps());
        await Apply(Databases("SQL1Orders"));
        await _groups!.DisposeAsync();
        _groups = null;
        _space!.Dispose();
        _space = await InstanceSpace.OpenAsync(GroupTestModel.Classes, await _store!.ReopenAsync(), TimeProvider.System, CancellationToken.None);
        Members(ProductionApps).Should().Equal("db01.contoso.com;Engine", "db02.prod.contoso.com;Engine", "web01.contoso.com;Legacy", "web01.contoso.com;Shop");
        var last = Space.LastSequence;

        await StartAsync();

        Space.LastSequence.Should().Be(last, "the stored membership is already right");
        Members(SqlComputers, ComputerGroupContainsComputer).Should().Equal("db01.contoso.com");
        Members(AppsOnSqlComputers).Should().Equal("db01.contoso.com;Engine");
    }
}
