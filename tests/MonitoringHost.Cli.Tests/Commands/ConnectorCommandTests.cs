using System.Text.RegularExpressions;

namespace MonitoringHost.Cli.Tests.Commands;

/// <summary><c>mh connector register|subscribe|alerts|show|list</c> against a real server on loopback.</summary>
public sealed partial class ConnectorCommandTests : IAsyncLifetime
{
    private const string Id = "5a7e0c2d-9b1f-4e3a-8c6d-2f4b1a9e7d30";
    private LoopbackServer _api = null!;
    private Guid _computer;
    private string _operator = "";

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _computer = await _api.DiscoverComputerAsync("app01.contoso.com");
        _operator = await _api.KeyAsync("ops", Storage.ApiRole.Operator);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private (int ExitCode, string Output, string Error) Run(params string[] args) => Mh.Run([.. args, "--server", _api.Url, "--data", _api.Folder]);

    [Fact]
    public async Task RegisterSubscribeReadAcknowledgeShow()
    {
        var (registered, text, _) = Run("connector", "register", "Contoso.Itsm", "--id", Id);
        registered.Should().Be(0);
        text.Should().MatchRegex($"^registered {Id}; its API key \\(shown this once\\): mh_\\S+\\r?\\n$");
        Run("connector", "register", "Contoso.Itsm", "--id", Id).Output.Should().Be($"{Id} was registered already; its key is the one given then" + Environment.NewLine);

        var (refused, _, problem) = Run("connector", "subscribe", Id, "--class", "No.Such.Class");
        refused.Should().Be(1);
        problem.Should().Contain("classes[0]: there is no class 'No.Such.Class'");
        Run("connector", "subscribe", Id, "--severity", "Error", "--class", "System.Computer")
            .Should().Be((0, "Contoso.Itsm receives alerts with classes System.Computer; severities Error" + Environment.NewLine, ""));

        var error = (await _api.CreateAlertAsync(_operator, _computer, "Disk full", "Error")).GetProperty("id").GetGuid();
        await _api.CreateAlertAsync(_operator, _computer, "Slow", "Warning");
        var (read, table, acknowledged) = Run("connector", "alerts", Id, "--ack");
        read.Should().Be(0);
        var lines = table.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex("^SEQ +CHANGE +ALERT +SEVERITY +STATE +BY +NAME$");
        lines.Skip(1).Should().ContainSingle().Which.Should().MatchRegex($"^\\d+ +alert.created +{error} +Error +0 +ops +Disk full$");
        acknowledged.Should().Be("acknowledged 1 change(s)" + Environment.NewLine);
        Run("connector", "alerts", Id).Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle("only the header: all acknowledged");

        var (shown, status, _) = Run("connector", "show", Id);
        shown.Should().Be(0);
        status.Should().MatchRegex(Acknowledged());
        status.Should().Contain("0 alert(s) waiting for an acknowledgement").And.Contain("subscription: alerts with classes System.Computer; severities Error").And.Contain("webhook: none (it pulls)");
        Run("connector", "list").Output.Should().MatchRegex($"(?m)^{Id} +Contoso.Itsm +yes +\\d{{4}}-");
    }

    [GeneratedRegex("acknowledged up to \\d+; \\d+ feed entries after it")]
    private static partial Regex Acknowledged();
}
