using System.Text;
using MonitoringHost.Runtime.Credentials;

namespace MonitoringHost.Runtime.Tests.Credentials;

public sealed class CredentialCipherTests : IDisposable
{
    private const string Secret = "S3cret-Pa55word!";
    private static readonly Guid Account = new("11111111-2222-3333-4444-555555555555");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mh-cipher-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Encrypt_ThenDecrypt_GivesBackEveryField()
    {
        using var key = NewKey("a.key");
        var envelope = CredentialCipher.Encrypt(key, Account, RunAsCredential.Windows("svc-sql", Secret, "CONTOSO"));

        var back = CredentialCipher.Decrypt(key, Account, RunAsAccountKind.Windows, envelope);

        back.UserName.Should().Be("svc-sql");
        back.Password.Should().Be(Secret);
        back.Domain.Should().Be("CONTOSO");
        back.Kind.Should().Be(RunAsAccountKind.Windows);
    }

    [Fact]
    public void Encrypt_SameCredentialTwice_GivesDifferentEnvelopesWithoutTheSecret()
    {
        using var key = NewKey("a.key");
        var credential = RunAsCredential.SshKey("root", "-----BEGIN OPENSSH PRIVATE KEY-----abc", Secret);

        var first = CredentialCipher.Encrypt(key, Account, credential);
        var second = CredentialCipher.Encrypt(key, Account, credential);

        first.Should().NotEqual(second, "each encryption draws a fresh nonce");
        Encoding.UTF8.GetString(first).Should().NotContain(Secret).And.NotContain("root").And.NotContain("OPENSSH");
    }

    [Fact]
    public void Decrypt_TamperedCiphertext_FailsNamingTheAccountAndNotTheSecret()
    {
        using var key = NewKey("a.key");
        var envelope = CredentialCipher.Encrypt(key, Account, RunAsCredential.Basic("web", Secret));
        envelope[^1] ^= 0x01;

        var decrypt = () => CredentialCipher.Decrypt(key, Account, RunAsAccountKind.Basic, envelope);

        var failure = decrypt.Should().Throw<CredentialDecryptionException>().Which;
        failure.AccountId.Should().Be(Account);
        failure.Message.Should().Contain(Account.ToString("D")).And.Contain("authentication failed").And.NotContain(Secret);
    }

    [Fact]
    public void Decrypt_WithAnotherKey_FailsClearly()
    {
        using var key = NewKey("a.key");
        using var other = NewKey("b.key");
        var envelope = CredentialCipher.Encrypt(key, Account, RunAsCredential.SnmpCommunity(Secret));

        var decrypt = () => CredentialCipher.Decrypt(other, Account, RunAsAccountKind.SnmpCommunity, envelope);

        decrypt.Should().Throw<CredentialDecryptionException>()
            .WithMessage("*not the one it was encrypted with*")
            .Which.Message.Should().Contain(other.FilePath).And.NotContain(Secret);
    }

    [Fact]
    public void Decrypt_EnvelopeOfAnotherAccount_Fails()
    {
        using var key = NewKey("a.key");
        var envelope = CredentialCipher.Encrypt(key, Account, RunAsCredential.Windows("admin", Secret));

        var moved = () => CredentialCipher.Decrypt(key, Guid.NewGuid(), RunAsAccountKind.Windows, envelope);
        var relabelled = () => CredentialCipher.Decrypt(key, Account, RunAsAccountKind.Basic, envelope);

        moved.Should().Throw<CredentialDecryptionException>().WithMessage("*authentication failed*");
        relabelled.Should().Throw<CredentialDecryptionException>().WithMessage("*authentication failed*");
    }

    [Fact]
    public void Decrypt_TruncatedOrUnknownVersion_FailsSayingWhy()
    {
        using var key = NewKey("a.key");
        var envelope = CredentialCipher.Encrypt(key, Account, RunAsCredential.Windows("admin", Secret));
        envelope[0] = 7;

        var truncated = () => CredentialCipher.Decrypt(key, Account, RunAsAccountKind.Windows, envelope.AsSpan(0, 10));
        var unknown = () => CredentialCipher.Decrypt(key, Account, RunAsAccountKind.Windows, envelope);

        truncated.Should().Throw<CredentialDecryptionException>().WithMessage("*10 bytes*");
        unknown.Should().Throw<CredentialDecryptionException>().WithMessage("*format version 7*");
    }

    private CredentialKey NewKey(string name) => CredentialKey.LoadOrCreate(Path.Combine(_folder, name));
}
