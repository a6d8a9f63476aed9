using System.Text;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Storage.Tests;

/// <summary>
/// What the credential store must do, run once per provider by <see cref="Sqlite.SqliteCredentialStoreTests"/> and
/// <see cref="Postgres.PostgresCredentialStoreTests"/>, each on a fresh database per test.
/// </summary>
public abstract class CredentialStoreTests(StoreProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid AccountA = new("0a000000-0000-0000-0000-00000000000a");
    private static readonly Guid AccountB = new("0b000000-0000-0000-0000-00000000000b");

    [SkippableFact]
    public async Task SaveAccount_ThenRead_ReturnsEveryFieldAndTheEnvelopeByteForByte()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = CredentialStore.For(test.Store);
        var account = Account(AccountA, "sql-reader", [1, 2, 3, 250, 0, 7]);

        await store.SaveAccountAsync(account, default);

        var read = await store.ReadAccountAsync(AccountA, default);
        read.Should().NotBeNull();
        read!.Id.Should().Be(AccountA);
        read.Name.Should().Be("sql-reader");
        read.Kind.Should().Be("Windows");
        read.Modified.Should().Be(T0);
        read.Secret.ToArray().Should().Equal(1, 2, 3, 250, 0, 7);
        (await store.ReadAccountAsync(AccountB, default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task SaveAccount_SameId_ReplacesNameKindAndSecret()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = CredentialStore.For(test.Store);
        await store.SaveAccountAsync(Account(AccountA, "old", [1]), default);

        await store.SaveAccountAsync(new StoredRunAsAccount(AccountA, "new", "SnmpCommunity", new byte[] { 9, 9 }, T0.AddHours(1)), default);

        var all = await store.ReadAccountsAsync(default);
        all.Should().ContainSingle();
        all[0].Name.Should().Be("new");
        all[0].Kind.Should().Be("SnmpCommunity");
        all[0].Secret.ToArray().Should().Equal(9, 9);
        all[0].Modified.Should().Be(T0.AddHours(1));
    }

    [SkippableFact]
    public async Task SaveAssignment_SameProfileAndScope_ReplacesTheAccount_AndReadsBackInKeyOrder()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = CredentialStore.For(test.Store);
        var group = Guid.NewGuid().ToString("D");
        await store.SaveAssignmentAsync(new RunAsAssignment("P!Profile", RunAsScope.Object, group, AccountA), default);
        await store.SaveAssignmentAsync(new RunAsAssignment("P!Profile", RunAsScope.Class, "Windows.Computer", AccountA), default);
        await store.SaveAssignmentAsync(new RunAsAssignment("P!Profile", RunAsScope.Class, "Windows.Computer", AccountB), default);

        var all = await store.ReadAssignmentsAsync(default);

        all.Should().Equal(
            new RunAsAssignment("P!Profile", RunAsScope.Class, "Windows.Computer", AccountB),
            new RunAsAssignment("P!Profile", RunAsScope.Object, group, AccountA));
    }

    [SkippableFact]
    public async Task DeleteAccount_RemovesItAndItsAssignmentsOnly()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = CredentialStore.For(test.Store);
        await store.SaveAccountAsync(Account(AccountA, "a", [1]), default);
        await store.SaveAccountAsync(Account(AccountB, "b", [2]), default);
        await store.SaveAssignmentAsync(new RunAsAssignment("P!One", RunAsScope.Class, "C", AccountA), default);
        await store.SaveAssignmentAsync(new RunAsAssignment("P!Two", RunAsScope.Class, "C", AccountB), default);

        (await store.DeleteAccountAsync(AccountA, default)).Should().BeTrue();
        (await store.DeleteAccountAsync(AccountA, default)).Should().BeFalse();

        (await store.ReadAccountsAsync(default)).Select(a => a.Id).Should().Equal(AccountB);
        (await store.ReadAssignmentsAsync(default)).Should().Equal(new RunAsAssignment("P!Two", RunAsScope.Class, "C", AccountB));
    }

    [SkippableFact]
    public async Task DeleteAssignment_RemovesOnlyThatOne()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = CredentialStore.For(test.Store);
        await store.SaveAssignmentAsync(new RunAsAssignment("P!One", RunAsScope.Class, "C", AccountA), default);
        await store.SaveAssignmentAsync(new RunAsAssignment("P!One", RunAsScope.Group, AccountB.ToString("D"), AccountA), default);

        (await store.DeleteAssignmentAsync("P!One", RunAsScope.Class, "C", default)).Should().BeTrue();
        (await store.DeleteAssignmentAsync("P!One", RunAsScope.Class, "C", default)).Should().BeFalse();

        (await store.ReadAssignmentsAsync(default)).Should().Equal(new RunAsAssignment("P!One", RunAsScope.Group, AccountB.ToString("D"), AccountA));
    }

    [SkippableFact]
    public async Task SaveAccount_SurvivesReopening()
    {
        await using var test = await TestStores.CreateAsync(provider);
        await CredentialStore.For(test.Store).SaveAccountAsync(Account(AccountA, "kept", Encoding.ASCII.GetBytes("envelope")), default);

        var reopened = await test.ReopenAsync();

        (await CredentialStore.For(reopened).ReadAccountAsync(AccountA, default))!.Secret.ToArray().Should().Equal(Encoding.ASCII.GetBytes("envelope"));
    }

    private static StoredRunAsAccount Account(Guid id, string name, byte[] secret) => new(id, name, "Windows", secret, T0);

    [SkippableFact]
    public async Task SaveComputer_WithItsAssignment_ReadsBackEveryField_AndTheAssignmentIsWrittenWithIt()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = CredentialStore.For(test.Store);
        var objectId = Guid.NewGuid();
        var computer = new ManagedComputer("Web01.Contoso.com", "wsman", "10.0.0.5", 5986, "Microsoft.Windows.Server.Computer", objectId)
        {
            UseHttps = true,
            SkipCertificateCheck = true,
            RunAsAccountId = AccountA,
            Added = T0,
            AddedBy = "admin",
        };
        var assignment = new RunAsAssignment("P!Profile", RunAsScope.Object, objectId.ToString("D"), AccountA);

        await store.SaveComputerAsync(computer, assignment, default);

        (await store.ReadComputersAsync(default)).Should().ContainSingle().Which.Should().Be(computer);
        (await store.ReadAssignmentsAsync(default)).Should().ContainSingle().Which.Should().Be(assignment);
    }

    [SkippableFact]
    public async Task SaveComputer_SameNameInAnotherCase_ReplacesIt_AndDeleteTakesItsObjectAssignmentsOnly()
    {
        await using var test = await TestStores.CreateAsync(provider);
        var store = CredentialStore.For(test.Store);
        var objectId = Guid.NewGuid();
        var other = new RunAsAssignment("P!Profile", RunAsScope.Object, Guid.NewGuid().ToString("D"), AccountB);
        await store.SaveAssignmentAsync(other, default);
        await store.SaveComputerAsync(new ManagedComputer("unix01", "ssh", "unix01", 22, "Microsoft.Unix.Computer", objectId) { Added = T0, AddedBy = "a" }, null, default);
        var replaced = new ManagedComputer("UNIX01", "ssh", "192.0.2.7", 2222, "Microsoft.Unix.Computer", objectId) { TrustOnFirstUse = true, Added = T0.AddMinutes(1), AddedBy = "b" };
        await store.SaveComputerAsync(replaced, new RunAsAssignment("Q!Profile", RunAsScope.Object, objectId.ToString("D"), AccountA), default);

        (await store.ReadComputersAsync(default)).Should().ContainSingle().Which.Should().Be(replaced);

        (await store.DeleteComputerAsync("Unix01", objectId, default)).Should().BeTrue();
        (await store.DeleteComputerAsync("Unix01", objectId, default)).Should().BeFalse();
        (await store.ReadComputersAsync(default)).Should().BeEmpty();
        (await store.ReadAssignmentsAsync(default)).Should().ContainSingle().Which.Should().Be(other);
    }
}
