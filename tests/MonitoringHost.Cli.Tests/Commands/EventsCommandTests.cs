using System.Globalization;
using System.Text.Json;
using MonitoringHost.Storage;

namespace MonitoringHost.Cli.Tests.Commands;

/// <summary><c>mh events</c> against a real server on loopback.</summary>
public sealed class EventsCommandTests : IAsyncLifetime
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

    private static string[] Lines(string output) => output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Events_PrintsOneLinePerChange_ForPeopleOrAsJson()
    {
        var start = await _api.Server.Store.ReadFeedHeadAsync(CancellationToken.None);
        var key = await _api.KeyAsync("ops", ApiRole.Operator);
        var disk = (await _api.CreateAlertAsync(key, _computer, "Disk full", "Error")).GetProperty("id").GetGuid();
        var cpu = (await _api.CreateAlertAsync(key, _computer, "CPU high", "Warning")).GetProperty("id").GetGuid();
        var feed = (await _api.Server.Store.ReadFeedAsync(start, 1000, CancellationToken.None)).Where(f => f.Kind == "alert.created").ToList();

        var since = start.ToString(CultureInfo.InvariantCulture);
        var (exitCode, output, error) = Run("events", "--since", since, "--kinds", "alert.*", "--count", "2");

        (exitCode, error).Should().Be((0, ""));
        var lines = Lines(output);
        lines.Should().HaveCount(2);
        lines[0].Should().MatchRegex($"^{feed[0].Sequence}  \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  alert.created  {disk}  Error Disk full \\(state 0\\)$");
        lines[1].Should().MatchRegex($"^{feed[1].Sequence}  .+  alert.created  {cpu}  Warning CPU high \\(state 0\\)$");

        var (jsonExit, json, _) = Run("events", "--since", since, "--kinds", "alert.created", "--count", "2", "--json");

        jsonExit.Should().Be(0);
        var events = Lines(json).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        events.Select(e => (e.GetProperty("sequence").GetInt64(), e.GetProperty("kind").GetString(), e.GetProperty("subjectId").GetGuid(), e.GetProperty("data").GetProperty("name").GetString()))
            .Should().Equal((feed[0].Sequence, "alert.created", disk, "Disk full"), (feed[1].Sequence, "alert.created", cpu, "CPU high"));
    }

    [Fact]
    public void Events_WithABadKind_IsRefused_AndABadCountIsAUsageError()
    {
        var (exitCode, _, error) = Run("events", "--kinds", "Alert.*");

        exitCode.Should().Be(1);
        error.Should().StartWith("error: 400 Bad Request: 1 problem(s) in the request" + Environment.NewLine + "  kinds: kinds is a comma-separated list");
        Run("events", "--count", "0").Should().Be((2, "", "error: --count is a positive number of events" + Environment.NewLine));
    }
}
