using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Credentials;

namespace MonitoringHost.Runtime.Tests.Credentials;

public sealed class RunAsResolverTests
{
    private const string Profile = RunAsHarness.Profile;

    [Fact]
    public async Task Resolve_ClassGroupAndObjectAssignments_MostSpecificWins()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        var (byClass, byDerived, byGroup, byObject) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, name) in new[] { (byClass, "class"), (byDerived, "derived"), (byGroup, "group"), (byObject, "object") })
        {
            await harness.Vault.SaveAccountAsync(new RunAsAccount(id, name, RunAsCredential.Windows(name, "pw-" + name)), default);
        }

        var inGroup = RunAsHarness.Service("web01", "InGroup");
        var alone = RunAsHarness.Service("web01", "Alone");
        var sql = RunAsHarness.Service("db01", "Sql", "Test.RunAs.SqlService");
        var single = RunAsHarness.Service("web02", "Single");
        var group = RunAsHarness.Group();
        await harness.DiscoverAsync([inGroup, alone, sql, single], [new RelationshipData("Test.RunAs.GroupContainsService", group, inGroup)]);
        var groupId = harness.Space.OfClass("Test.RunAs.Group").Single().Id;
        var singleObject = harness.Space.OfClass("Test.RunAs.Service").Single(o => o.Path.EndsWith("Single", StringComparison.Ordinal));
        await harness.Vault.AssignAsync(new RunAsAssignment(Profile, RunAsScope.Class, "Test.RunAs.Service", byClass), default);
        await harness.Vault.AssignAsync(new RunAsAssignment(Profile, RunAsScope.Class, "Test.RunAs.SqlService", byDerived), default);
        await harness.Vault.AssignAsync(new RunAsAssignment(Profile, RunAsScope.Group, groupId.ToString("D"), byGroup), default);
        await harness.Vault.AssignAsync(new RunAsAssignment(Profile, RunAsScope.Object, singleObject.Id.ToString("D"), byObject), default);
        var resolver = await harness.Vault.CreateResolverAsync(harness.Space, default);

        string AccountOf(string name) =>
            resolver.Resolve(Profile, harness.Space.OfClass("Test.RunAs.Service").Single(o => o.Path.EndsWith(name, StringComparison.Ordinal))).AccountName;

        AccountOf("Alone").Should().Be("class");
        AccountOf("Sql").Should().Be("derived", "the most derived class assigned wins");
        AccountOf("InGroup").Should().Be("group", "a group assignment beats a class assignment");
        AccountOf("Single").Should().Be("object", "an object assignment beats everything");
        resolver.Resolve(Profile, singleObject).Should().Be(new RunAsBinding(Profile, byObject, "object", RunAsAccountKind.Windows, RunAsScope.Object, singleObject.Id.ToString("D")));
    }

    [Fact]
    public async Task AddAsync_AnAssignmentTheStoreSaved_ResolvesAtOnce_AsAReloadWould_ReplacingTheSameScope()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        var (first, second, byClass) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, name) in new[] { (first, "first"), (second, "second"), (byClass, "class") })
        {
            await harness.Vault.SaveAccountAsync(new RunAsAccount(id, name, RunAsCredential.Windows(name, "pw-" + name)), default);
        }

        await harness.DiscoverAsync([RunAsHarness.Service("web01", "Web"), RunAsHarness.Service("web01", "Sql", "Test.RunAs.SqlService")]);
        var web = harness.Space.OfClass("Test.RunAs.Service").Single(o => o.Path.EndsWith("Web", StringComparison.Ordinal));
        var sql = harness.Space.OfClass("Test.RunAs.Service").Single(o => o.Path.EndsWith("Sql", StringComparison.Ordinal));
        var resolver = await harness.Vault.CreateResolverAsync(harness.Space, default);
        var onWeb = new RunAsAssignment(Profile, RunAsScope.Object, web.Id.ToString("D"), first);
        var sqlClass = new RunAsAssignment(Profile, RunAsScope.Class, "Test.RunAs.SqlService", byClass);
        foreach (var assignment in new[] { onWeb, sqlClass })
        {
            await harness.Vault.AssignAsync(assignment, default);
            await resolver.AddAsync(assignment, default);
        }

        resolver.Resolve(Profile, web).AccountName.Should().Be("first");
        resolver.Resolve(Profile, sql).AccountName.Should().Be("class");

        // The same object assigned again with another account replaces the first, as the store does.
        var again = onWeb with { AccountId = second };
        await harness.Vault.AssignAsync(again, default);
        await resolver.AddAsync(again, default);

        resolver.Resolve(Profile, web).AccountName.Should().Be("second");
        var reloaded = await harness.Vault.CreateResolverAsync(harness.Space, default);
        (reloaded.Resolve(Profile, web).AccountName, reloaded.Resolve(Profile, sql).AccountName).Should().Be(("second", "class"), "what was added is what the store holds");
    }

    [Fact]
    public async Task Resolve_ThousandComputersEachWithItsOwnAccount_GivesEachItsOwn()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        var names = Enumerable.Range(0, 1000).Select(i => $"web{i:0000}").ToList();
        await harness.DiscoverAsync([.. names.Select(n => RunAsHarness.Service(n, "Web"))]);
        var accounts = new Dictionary<string, Guid>();
        foreach (var computer in harness.Space.OfClass("Microsoft.Windows.Computer"))
        {
            var account = Guid.NewGuid();
            await harness.Vault.SaveAccountAsync(new RunAsAccount(account, computer["PrincipalName"]!, RunAsCredential.Windows("u", "p")), default);
            await harness.Vault.AssignAsync(new RunAsAssignment(Profile, RunAsScope.Object, computer.Id.ToString("D"), account), default);
            accounts[computer["PrincipalName"]!] = account;
        }

        var resolver = await harness.Vault.CreateResolverAsync(harness.Space, default);

        harness.Space.OfClass("Test.RunAs.Service").Select(s => (s.Path, resolver.Resolve(Profile, s).AccountId))
            .Should().HaveCount(1000).And.OnlyContain(r => r.AccountId == accounts[r.Path.Split(';')[0]], "each service runs with the account of the computer hosting it");
    }

    [Fact]
    public async Task Resolve_UnknownProfileOrNoAssignment_FailsNamingProfileAndObject()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        await harness.DiscoverAsync([RunAsHarness.Service("web01", "Svc")]);
        var target = harness.Space.OfClass("Test.RunAs.Service").Single();
        var resolver = await harness.Vault.CreateResolverAsync(harness.Space, default);

        var unknown = () => resolver.Resolve("Test.RunAs!No.Such.Profile", target);
        var unassigned = () => resolver.Resolve(Profile, target);

        unknown.Should().Throw<RunAsResolutionException>().WithMessage($"Run As profile Test.RunAs!No.Such.Profile cannot be resolved for {target.Path}: no imported pack declares it*");
        unassigned.Should().Throw<RunAsResolutionException>().WithMessage($"*{Profile}*{target.Path}*no Run As account is assigned*");
    }

    [Fact]
    public async Task Resolve_AnAccountGivenToAComputer_ServesWhatItHosts_UnlessSomethingMoreSpecificIsAssigned()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        var (onComputer, byClass) = (Guid.NewGuid(), Guid.NewGuid());
        await harness.Vault.SaveAccountAsync(new RunAsAccount(onComputer, "computer", RunAsCredential.Windows("computer", "pw-computer")), default);
        await harness.Vault.SaveAccountAsync(new RunAsAccount(byClass, "sql class", RunAsCredential.Windows("sql", "pw-sql")), default);
        await harness.DiscoverAsync([RunAsHarness.Service("web01", "Web"), RunAsHarness.Service("web01", "Sql", "Test.RunAs.SqlService"), RunAsHarness.Service("web02", "Other")]);
        var web01 = harness.Space.OfClass("Microsoft.Windows.Computer").Single(o => o["PrincipalName"] == "web01");
        await harness.Vault.AssignAsync(new RunAsAssignment(Profile, RunAsScope.Object, web01.Id.ToString("D"), onComputer), default);
        await harness.Vault.AssignAsync(new RunAsAssignment(Profile, RunAsScope.Class, "Test.RunAs.SqlService", byClass), default);
        var resolver = await harness.Vault.CreateResolverAsync(harness.Space, default);

        MonitoringObject Service(string name) => harness.Space.OfClass("Test.RunAs.Service").Single(o => o.Path.EndsWith(name, StringComparison.Ordinal));

        resolver.Resolve(Profile, Service("Web")).Should().Be(new RunAsBinding(Profile, onComputer, "computer", RunAsAccountKind.Windows, RunAsScope.Object, web01.Id.ToString("D")));
        resolver.Resolve(Profile, Service("Sql")).AccountName.Should().Be("sql class", "a class assignment on the object itself beats its host's account");
        var other = () => resolver.Resolve(Profile, Service("Other"));
        other.Should().Throw<RunAsResolutionException>().WithMessage("*no Run As account is assigned*computer hosting it", "web02 has no account");
    }

    [Fact]
    public async Task ReloadAsync_SeesAssignmentsMadeAfterCreation()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        await harness.DiscoverAsync([RunAsHarness.Service("web01", "Svc")]);
        var target = harness.Space.OfClass("Test.RunAs.Service").Single();
        var resolver = await harness.Vault.CreateResolverAsync(harness.Space, default);
        var account = Guid.NewGuid();
        await harness.Vault.SaveAccountAsync(new RunAsAccount(account, "late", RunAsCredential.Basic("u", "p")), default);
        await harness.Vault.AssignAsync(new RunAsAssignment(Profile, RunAsScope.Class, "Test.RunAs.Service", account), default);

        await resolver.ReloadAsync(default);

        resolver.Resolve(Profile, target).AccountId.Should().Be(account);
    }
}
