using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MonitoringHost.Cli.Tests.Commands;

/// <summary><c>mh object</c> against a real server on loopback, and how <c>mh</c> finds the server and its key.</summary>
public sealed class ObjectCommandTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private Guid _computer;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _computer = await _api.DiscoverComputerAsync("web01.contoso.com");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public void ObjectList_WithNoKey_UsesTheAdministratorKeyTheServerWroteInItsDataFolder()
    {
        File.Exists(Path.Combine(_api.Folder, "administrator.key")).Should().BeTrue();

        var (exitCode, output, error) = Mh.Run("object", "list", "--server", _api.Url, "--data", _api.Folder);

        exitCode.Should().Be(0, error);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex("^DISPLAY NAME +CLASS +HEALTH +MAINTENANCE +ID$");
        lines.Should().HaveCount(_api.Server.Space.Count + 1);
        lines.Should().ContainSingle(l => l.StartsWith("web01.contoso.com ", StringComparison.Ordinal)).Which.Should()
            .MatchRegex($"^web01\\.contoso\\.com +Microsoft\\.Windows\\.Computer +Uninitialized +no +{_computer}$");
        // The server's own objects may be healthy by now (its self-monitoring runs at start): any state, one column.
        var health = lines[0].IndexOf("HEALTH", StringComparison.Ordinal);
        lines.Skip(1).Select(l => l.Length > health ? l.Substring(health) : "").Should()
            .OnlyContain(rest => Regex.IsMatch(rest, "^(Uninitialized|Success|Warning|Error) "), "the columns are aligned");
    }

    [Fact]
    public async Task ObjectList_Json_IsTheApisJson()
    {
        var key = await _api.KeyAsync("viewer", Storage.ApiRole.ReadOnlyOperator);

        var (exitCode, output, _) = Mh.Run("object", "list", "--class", "Microsoft.Windows.Computer", "--criteria", "PrincipalName LIKE '%.contoso.com'", "--json", "--server", _api.Url, "--key", key);

        exitCode.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        // The management server's own computer is one too: the criteria leaves it out.
        var item = json.RootElement.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        (item.GetProperty("id").GetGuid(), item.GetProperty("healthState").GetInt32(), item.GetProperty("healthStateName").GetString()).Should().Be((_computer, 0, "Uninitialized"));
        item.GetProperty("properties").GetProperty("PrincipalName").GetString().Should().Be("web01.contoso.com");
        json.RootElement.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void ObjectHealth_PrintsTheMonitorTree_ChildrenIndented()
    {
        var (exitCode, output, _) = Mh.Run("object", "health", _computer.ToString(), "--server", _api.Url, "--data", _api.Folder);

        exitCode.Should().Be(0);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex("^MONITOR +HEALTH +KIND +LAST CHANGED$");
        lines[1].Should().MatchRegex(@"^Entity Health \(System\.Health\.EntityState\) +Uninitialized +aggregate +-$");
        lines.Should().Contain(l => l.StartsWith("  Availability (System.Health.AvailabilityState) ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnAFreshServer_ObjectListAndHealth_ShowTheManagementServer_Healthy()
    {
        // The self-monitoring pack's monitors run as soon as the server starts: within seconds it is Success.
        const string Row = @"^[^ ]+ +Microsoft\.SystemCenter\.ManagementServer +Success +no +(?<id>[0-9a-f-]{36})$";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string[] lines;
        do
        {
            var (exitCode, output, error) = Mh.Run("object", "list", "--class", "Microsoft.SystemCenter.ManagementServer", "--server", _api.Url, "--data", _api.Folder);
            exitCode.Should().Be(0, error);
            lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length == 2 && System.Text.RegularExpressions.Regex.IsMatch(lines[1], Row))
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        lines.Should().HaveCount(2, "one management server besides the header");
        var row = System.Text.RegularExpressions.Regex.Match(lines[1], Row);
        row.Success.Should().BeTrue(lines[1]);
        var id = row.Groups["id"].Value;
        _api.Server.Space.Get(Guid.Parse(id))!.ClassName.Should().Be("Microsoft.SystemCenter.ManagementServer");

        var (healthExit, health, _) = Mh.Run("object", "health", id, "--server", _api.Url, "--data", _api.Folder);
        healthExit.Should().Be(0);
        var tree = health.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        tree[1].Should().MatchRegex(@"^Entity Health \(System\.Health\.EntityState\) +Success +aggregate +[0-9]{4}-");
        tree.Should().Contain(l => l.Contains("(MonitoringHost.ManagementServer.StoreReachable)", StringComparison.Ordinal) && l.Contains(" Success ", StringComparison.Ordinal));
    }

    [Fact]
    public void ObjectHealth_OfAnUnknownObject_Exits4_WithTheProblem()
    {
        var (exitCode, output, error) = Mh.Run("object", "health", Guid.Empty.ToString(), "--server", _api.Url, "--data", _api.Folder);

        (exitCode, output).Should().Be((4, ""));
        error.Should().Be($"error: 404 Not Found: there is no object {Guid.Empty}" + Environment.NewLine);
    }

    [Fact]
    public void ObjectList_WhenNothingListens_Exits3_NamingTheServer()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exitCode, _, error) = Mh.Run("object", "list", "--server", $"http://127.0.0.1:{port}", "--key", "mh_any");

        exitCode.Should().Be(3);
        error.Should().StartWith($"error: cannot reach the server at http://127.0.0.1:{port}/: ");
    }

    [SkippableFact]
    public void ObjectList_WithNoKeyAnywhere_Exits3_SayingWhereItLooked()
    {
        Skip.If(Environment.GetEnvironmentVariable("MH_API_KEY") is { Length: > 0 }, "MH_API_KEY is set in this environment");
        var empty = Directory.CreateTempSubdirectory("mh-nokey-").FullName;
        try
        {
            var (exitCode, _, error) = Mh.Run("object", "list", "--server", _api.Url, "--data", empty);

            exitCode.Should().Be(3);
            error.Should().Contain("--key").And.Contain("MH_API_KEY").And.Contain(Path.Combine(empty, "administrator.key"));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void ObjectList_WithAKeyTheServerDoesNotKnow_Exits1_WithTheProblem()
    {
        var (exitCode, _, error) = Mh.Run("object", "list", "--server", _api.Url, "--key", "mh_not-a-key");

        exitCode.Should().Be(1);
        error.Should().Be("error: 401 Unauthorized: the API key is not known or has been revoked" + Environment.NewLine);
    }

    [Fact]
    public void AnUnknownOption_IsAUsageError_Exit2()
    {
        Mh.Run("object", "list", "--colour", "red").ExitCode.Should().Be(2);
    }
}
