using MonitoringHost.Runtime.Credentials;

namespace MonitoringHost.Runtime.Tests.Credentials;

public sealed class RunAsCredentialTests
{
    private const string Secret = "hunter2-very-secret";

    [Fact]
    public void ToString_OfEveryHolder_ShowsNoSecret()
    {
        var credentials = new[]
        {
            RunAsCredential.Windows("alice", Secret, "CONTOSO"),
            RunAsCredential.Basic("bob", Secret),
            RunAsCredential.SshKey("root", Secret, Secret),
            RunAsCredential.SnmpCommunity(Secret),
            RunAsCredential.ClientCertificate(Secret, Secret),
            RunAsCredential.Generic(new Dictionary<string, string> { ["ApiKey"] = Secret }),
        };

        foreach (var credential in credentials)
        {
            credential.ToString().Should().NotContain(Secret).And.Contain(credential.Kind.ToString()).And.Contain("values hidden");
            new RunAsAccount(Guid.NewGuid(), "acct", credential).ToString().Should().NotContain(Secret).And.Contain("acct");
        }

        RunAsCredential.Windows("alice", Secret).ToString().Should().Be("Windows credential (Password, UserName; values hidden)");
    }

    [Fact]
    public void Windows_WithoutPassword_FailsNamingTheField()
    {
        var make = () => RunAsCredential.Windows("alice", "");

        make.Should().Throw<ArgumentException>().WithMessage("a Windows credential needs a Password*");
    }

    [Fact]
    public void Field_OptionalUnset_IsNull()
    {
        var credential = RunAsCredential.SshKey("root", "key");

        credential.Passphrase.Should().BeNull();
        credential.FieldNames.Should().BeEquivalentTo("UserName", "PrivateKey");
    }
}
