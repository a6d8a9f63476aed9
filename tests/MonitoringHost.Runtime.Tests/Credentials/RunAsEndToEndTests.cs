using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Credentials;

namespace MonitoringHost.Runtime.Tests.Credentials;

/// <summary><c>$RunAs</c> through a real workflow host: the token reaches the module, the secret only during a run.</summary>
public sealed class RunAsEndToEndTests
{
    private const string Secret = "Tr0ub4dor&3-secret";
    private const string Token = """$RunAs[Name="Test.RunAs!Test.RunAs.Profile"]/Domain$\$RunAs[Name="Test.RunAs!Test.RunAs.Profile"]/UserName$:$RunAs[Name="Test.RunAs!Test.RunAs.Profile"]/Password$""";

    [Fact]
    public async Task Run_ProfileAssigned_ModuleGetsTokensInConfigurationAndSecretsOnlyWhenItSubstitutes()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        await harness.DiscoverAsync([RunAsHarness.Service("web01", "Svc")]);
        var account = Guid.NewGuid();
        await harness.Vault.SaveAccountAsync(new RunAsAccount(account, "svc-account", RunAsCredential.Windows("svc", Secret, "CONTOSO")), default);
        await harness.Vault.AssignAsync(new RunAsAssignment(RunAsHarness.Profile, RunAsScope.Class, "Test.RunAs.Service", account), default);

        await harness.StartHostAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(61));

        harness.Host!.Problems.Should().BeEmpty();
        harness.Logins.Runs.Should().NotBeEmpty();
        harness.Logins.Runs.Should().OnlyContain(r => r.Configured == Token && r.Substituted == $"CONTOSO\\svc:{Secret}");
        var setup = harness.Logins.Setups.Should().ContainSingle().Subject;
        setup.Configuration.Element.ToString().Should().NotContain(Secret).And.Contain(Token);
        setup.Credentials.ToString().Should().Be($"{RunAsHarness.Profile} → Run As account svc-account (Windows) by class assignment Test.RunAs.Service").And.NotContain(Secret);
        harness.Host.Workflows.Single(w => w.Id == "Test.RunAs!Test.RunAs.Service.Login").Modules
            .Should().OnlyContain(m => !m.Configuration.ToString().Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_AccountSecretChangesAfterLoad_NextRunGetsTheNewSecret()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        await harness.DiscoverAsync([RunAsHarness.Service("web01", "Svc")]);
        var account = Guid.NewGuid();
        await harness.Vault.SaveAccountAsync(new RunAsAccount(account, "svc-account", RunAsCredential.Windows("svc", "first")), default);
        await harness.Vault.AssignAsync(new RunAsAssignment(RunAsHarness.Profile, RunAsScope.Class, "Test.RunAs.Service", account), default);
        await harness.StartHostAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(61));
        var before = harness.Logins.Runs.Count;

        await harness.Vault.SaveAccountAsync(new RunAsAccount(account, "svc-account", RunAsCredential.Windows("svc", "second")), default);
        await harness.Resolver!.ReloadAsync(default);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60));

        harness.Logins.Runs.Take(before).Should().OnlyContain(r => r.Substituted == "\\svc:first");
        harness.Logins.Runs.Skip(before).Should().NotBeEmpty().And.OnlyContain(r => r.Substituted == "\\svc:second");
    }

    [Fact]
    public async Task Load_NoAccountForTheTarget_InstanceDoesNotLoad_AndTheReasonNamesTheProfileButNoSecret()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        await harness.DiscoverAsync([RunAsHarness.Service("web01", "Assigned"), RunAsHarness.Service("web02", "Unassigned")]);
        var assigned = harness.Space.OfClass("Test.RunAs.Service").Single(o => o.Path.EndsWith("Assigned", StringComparison.Ordinal) && !o.Path.EndsWith("Unassigned", StringComparison.Ordinal));
        var unassigned = harness.Space.OfClass("Test.RunAs.Service").Single(o => o.Path.EndsWith("Unassigned", StringComparison.Ordinal));
        var account = Guid.NewGuid();
        await harness.Vault.SaveAccountAsync(new RunAsAccount(account, "svc-account", RunAsCredential.Windows("svc", Secret)), default);
        await harness.Vault.AssignAsync(new RunAsAssignment(RunAsHarness.Profile, RunAsScope.Object, assigned.Id.ToString("D"), account), default);

        await harness.StartHostAsync();

        harness.Host!.InstancesOf(assigned.Id).Should().ContainSingle();
        harness.Host.InstancesOf(unassigned.Id).Should().BeEmpty();
        harness.Host.Problems.Should().ContainSingle().Which.Should()
            .Be($"Test.RunAs!Test.RunAs.Service.Login does not run for {unassigned.Path}: Run As profile {RunAsHarness.Profile} cannot be resolved for {unassigned.Path}: no Run As account is assigned to it for this object, a group it is in, its class or a computer hosting it");
    }

    [Fact]
    public async Task Load_AccountWithoutTheField_InstanceDoesNotLoad_NamingTheField()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        await harness.DiscoverAsync([RunAsHarness.Service("web01", "Svc")]);
        var account = Guid.NewGuid();
        await harness.Vault.SaveAccountAsync(new RunAsAccount(account, "community", RunAsCredential.SnmpCommunity(Secret)), default);
        await harness.Vault.AssignAsync(new RunAsAssignment(RunAsHarness.Profile, RunAsScope.Class, "Test.RunAs.Service", account), default);

        await harness.StartHostAsync();

        harness.Host!.InstanceCount.Should().Be(0);
        harness.Host.Problems.Should().ContainSingle().Which.Should()
            .Contain("resolves to Run As account community (SnmpCommunity), which has no Domain (it has CommunityString)").And.NotContain(Secret);
    }

    [Fact]
    public async Task Load_HostWithoutCredentialStore_InstanceDoesNotLoad()
    {
        await using var harness = await RunAsHarness.CreateAsync();
        await harness.DiscoverAsync([RunAsHarness.Service("web01", "Svc")]);

        await harness.StartHostAsync(withResolver: false);

        harness.Host!.InstanceCount.Should().Be(0);
        harness.Host.Problems.Should().ContainSingle().Which.Should().EndWith($"Run As profile {RunAsHarness.Profile} cannot be resolved for {harness.Space.OfClass("Test.RunAs.Service").Single().Path}: this host has no Run As accounts configured");
    }
}
