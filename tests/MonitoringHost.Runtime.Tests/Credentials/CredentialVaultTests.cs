using System.Text;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Storage;
using MonitoringHost.Storage.Tests.Fixtures;

namespace MonitoringHost.Runtime.Tests.Credentials;

/// <summary>The vault over a real store on each provider: what reaches the database is ciphertext only.</summary>
public sealed class CredentialVaultTests : IDisposable
{
    private const string Password = "Correct-Horse-Battery-Staple";
    private const string PrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mh-vault-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task SaveAccount_StoresCiphertextWithoutTheSecret_AndReadsItBack(StoreProvider provider)
    {
        await using var test = await TestStores.CreateAsync(provider);
        using var key = CredentialKey.LoadOrCreate(Path.Combine(_folder, "credential.key"));
        var vault = new CredentialVault(CredentialStore.For(test.Store), key, TimeProvider.System);
        var windows = new RunAsAccount(Guid.NewGuid(), "sql", RunAsCredential.Windows("svc-sql", Password, "CONTOSO"));
        var ssh = new RunAsAccount(Guid.NewGuid(), "ssh", RunAsCredential.SshKey("monitor", PrivateKey, Password));

        await vault.SaveAccountAsync(windows, default);
        await vault.SaveAccountAsync(ssh, default);

        foreach (var id in new[] { windows.Id, ssh.Id })
        {
            var raw = (byte[])(await test.QueryScalarAsync($"SELECT secret FROM run_as_accounts WHERE name = '{(id == windows.Id ? "sql" : "ssh")}'"))!;
            raw.Length.Should().BeGreaterThan(29);
            var text = Encoding.UTF8.GetString(raw);
            text.Should().NotContain(Password).And.NotContain("svc-sql").And.NotContain("OPENSSH").And.NotContain("b3BlbnNzaC1rZXktdjEAAAAA");
            Convert.ToHexString(raw).Should().NotContain(Convert.ToHexString(Encoding.UTF8.GetBytes(Password)));
        }

        var back = await vault.ReadAccountAsync(ssh.Id, default);
        back!.Name.Should().Be("ssh");
        back.Credential.UserName.Should().Be("monitor");
        back.Credential.PrivateKey.Should().Be(PrivateKey);
        back.Credential.Passphrase.Should().Be(Password);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ReadAccount_SecretCopiedOntoAnotherAccount_FailsInsteadOfDecrypting(StoreProvider provider)
    {
        await using var test = await TestStores.CreateAsync(provider);
        using var key = CredentialKey.LoadOrCreate(Path.Combine(_folder, "credential.key"));
        var store = CredentialStore.For(test.Store);
        var vault = new CredentialVault(store, key, TimeProvider.System);
        var admin = new RunAsAccount(Guid.NewGuid(), "admin", RunAsCredential.Windows("administrator", Password));
        var reader = new RunAsAccount(Guid.NewGuid(), "reader", RunAsCredential.Windows("reader", "weak"));
        await vault.SaveAccountAsync(admin, default);
        await vault.SaveAccountAsync(reader, default);

        var stolen = (await store.ReadAccountAsync(admin.Id, default))!.Secret;
        await store.SaveAccountAsync(new StoredRunAsAccount(reader.Id, "reader", "Windows", stolen, DateTimeOffset.UtcNow), default);
        var read = () => vault.ReadAccountAsync(reader.Id, default);

        (await read.Should().ThrowAsync<CredentialDecryptionException>()).Which.Message.Should().Contain(reader.Id.ToString("D")).And.NotContain(Password);
    }

    [SkippableFact]
    public async Task Assign_UnknownAccountOrBadScope_IsRefused()
    {
        await using var test = await TestStores.CreateAsync(StoreProvider.Sqlite);
        using var key = CredentialKey.LoadOrCreate(Path.Combine(_folder, "credential.key"));
        var vault = new CredentialVault(CredentialStore.For(test.Store), key, TimeProvider.System);
        var missing = Guid.NewGuid();

        var unknown = () => vault.AssignAsync(new RunAsAssignment("P!Profile", RunAsScope.Class, "C", missing), default);
        var badScope = () => vault.AssignAsync(new RunAsAssignment("P!Profile", RunAsScope.Group, "not-a-guid", missing), default);
        var badProfile = () => vault.AssignAsync(new RunAsAssignment("Profile", RunAsScope.Class, "C", missing), default);

        await unknown.Should().ThrowAsync<ArgumentException>().WithMessage($"Run As account {missing:D} does not exist*");
        await badScope.Should().ThrowAsync<ArgumentException>().WithMessage("*'not-a-guid' is not a GUID*");
        await badProfile.Should().ThrowAsync<ArgumentException>().WithMessage("*'Profile' is not Pack!SecureReference*");
    }
}
