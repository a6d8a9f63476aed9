namespace MonitoringHost.Cli.Tests.Commands;

public sealed class KeysCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mh-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int ExitCode, string Output, string Error) Run(params string[] args) => Mh.Run([.. args, "--data", _folder]);

    [Fact]
    public void Create_PrintsTheKeyOnce_ListShowsItWithoutTheSecret_RevokeEndsIt()
    {
        var (created, key, note) = Run("keys", "create", "--role", "Operator", "--name", "runbooks");

        created.Should().Be(0);
        key = key.Trim();
        key.Should().StartWith("mh_").And.HaveLength(46);
        note.Should().Be("key 'runbooks' (Operator) created; it is shown only now: keep it somewhere safe" + Environment.NewLine);

        var (listed, table, _) = Run("keys", "list");
        listed.Should().Be(0);
        var lines = table.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("NAME");
        lines.Should().ContainSingle(l => l.StartsWith("runbooks ", StringComparison.Ordinal)).Which.Should().Contain("Operator").And.Contain(key[..11]).And.NotContain(key);

        Run("keys", "revoke", "runbooks").Should().Be((0, "key 'runbooks' revoked" + Environment.NewLine, ""));
        Run("keys", "revoke", "runbooks").ExitCode.Should().Be(1);
    }

    [Fact]
    public void Create_BadRequests_ExitWith1_SayingWhy()
    {
        Run("keys", "create", "--role", "Operator", "--name", "ops").ExitCode.Should().Be(0);

        var (taken, _, takenError) = Run("keys", "create", "--role", "Operator", "--name", "ops");
        var (badRole, _, badRoleError) = Run("keys", "create", "--role", "Superuser", "--name", "x");

        taken.Should().Be(1);
        takenError.Should().StartWith("error: ").And.Contain("ops");
        badRole.Should().Be(1);
        badRoleError.Should().StartWith("error: ").And.Contain("Administrator, Author, Operator, ReadOnlyOperator, Connector");
    }
}
