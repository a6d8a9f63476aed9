namespace MonitoringHost.Cli.Tests.Commands;

/// <summary><c>mh runas …</c> against a real server on loopback: the secret comes from standard input only.</summary>
public sealed class RunAsCommandTests : IAsyncLifetime
{
    private const string Password = "n0t-on-the-command-line!";
    private const string Profile = "Microsoft.Unix.Library!Microsoft.Unix.ActionAccount";
    private LoopbackServer _api = null!;

    public async Task InitializeAsync() => _api = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private (int ExitCode, string Output, string Error) Run(string input, params string[] args) => Mh.RunWithInput(input, [.. args, "--server", _api.Url, "--data", _api.Folder]);

    [Fact]
    public async Task AddAssignListRemove()
    {
        var (added, text, _) = Run(Password + "\n", "runas", "account", "add", "Unix monitoring", "--kind", "Basic", "--field", "UserName=monitor", "--secret-field", "Password");
        added.Should().Be(0);
        text.Should().MatchRegex("^saved Basic account Unix monitoring \\(([0-9a-f-]{36})\\)\\r?\\n$").And.NotContain(Password);
        var id = Guid.Parse(text.Split('(', ')')[1]);
        var stored = await _api.Server.RunAs.ReadAccountAsync(id, default);
        (stored!.Credential.UserName, stored.Credential.Password).Should().Be(("monitor", Password));

        Run("", "runas", "assign", Profile, "--scope", "class", "--target", "System.Entity", "--account", id.ToString()).ExitCode.Should().Be(0);
        Run("", "runas", "assignments").Output.Should().MatchRegex($"(?m)^{Profile.Replace(".", "\\.", StringComparison.Ordinal)} +class +System\\.Entity +{id}");
        var (listed, table, _) = Run("", "runas", "account", "list");
        listed.Should().Be(0);
        table.Should().Contain("Unix monitoring").And.Contain("Basic").And.NotContain(Password).And.NotContain("monitor ");

        Run("", "runas", "account", "add", "x", "--kind", "Basic", "--field", "UserName=u", "--secret-field", "Password")
            .Should().Be((2, "", "error: --secret-field Password: standard input ended before a line with its value" + Environment.NewLine));
        var (refused, _, problem) = Run("", "runas", "account", "add", "x", "--kind", "Basic", "--field", "UserName=u");
        refused.Should().Be(1);
        problem.Should().Contain("fields: a Basic credential needs a Password");

        Run("", "runas", "account", "remove", id.ToString()).ExitCode.Should().Be(0);
        Run("", "runas", "assignments").Output.Should().NotContain(Profile);
        Run("", "runas", "account", "remove", id.ToString()).ExitCode.Should().Be(4);
    }
}
