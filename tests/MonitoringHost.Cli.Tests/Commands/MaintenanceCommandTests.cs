namespace MonitoringHost.Cli.Tests.Commands;

/// <summary><c>mh maintenance start|list|stop</c> against a real server on loopback.</summary>
public sealed class MaintenanceCommandTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private Guid _computer;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _computer = await _api.DiscoverComputerAsync("app01.contoso.com");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private (int ExitCode, string Output, string Error) Run(params string[] args) => Mh.Run([.. args, "--server", _api.Url, "--data", _api.Folder]);

    [Fact]
    public async Task StartListStop()
    {
        Run("maintenance", "start", _computer.ToString(), "--minutes", "30", "--reason", "PlannedOther", "--comment", "patching")
            .Should().Be((0, $"1 object(s) in maintenance: {_computer}" + Environment.NewLine, ""));
        (await _api.Server.Engine.MaintenanceAsync()).Should().ContainSingle().Which.ObjectId.Should().Be(_computer);

        var (listed, table, _) = Run("maintenance", "list");
        listed.Should().Be(0);
        var lines = table.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex("^OBJECT +STARTED ON +UNTIL +REASON +BY +COMMENT$");
        lines[1].Should().MatchRegex($"^{_computer} +{_computer} +\\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +PlannedOther +administrator-\\d+ +patching$");

        Run("maintenance", "stop", _computer.ToString()).Should().Be((0, $"1 object(s) out of maintenance: {_computer}" + Environment.NewLine, ""));
        Run("maintenance", "stop", _computer.ToString()).ExitCode.Should().Be(4);
    }

    [Fact]
    public async Task Start_WithBothOrNeitherEnd_IsAUsageError_AndAnUnknownReasonIsRefused()
    {
        Run("maintenance", "start", _computer.ToString(), "--reason", "PlannedOther").Should().Be((2, "", "error: give either --minutes or --until" + Environment.NewLine));
        Run("maintenance", "start", _computer.ToString(), "--reason", "PlannedOther", "--minutes", "5", "--until", "2099-01-01T00:00:00Z").ExitCode.Should().Be(2);
        Run("maintenance", "start", _computer.ToString(), "--minutes", "5").ExitCode.Should().Be(2, "--reason is required");

        var (refused, _, error) = Run("maintenance", "start", _computer.ToString(), "--reason", "Coffee", "--minutes", "5");
        refused.Should().Be(1);
        error.Should().StartWith("error: 400 Bad Request: 1 problem(s) in the request" + Environment.NewLine + "  reason: reason must be one of PlannedOther");
        (await _api.Server.Engine.MaintenanceAsync()).Should().BeEmpty();
    }
}
