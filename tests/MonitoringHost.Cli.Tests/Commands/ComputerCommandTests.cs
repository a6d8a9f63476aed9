using System.Net;
using System.Net.Sockets;

namespace MonitoringHost.Cli.Tests.Commands;

/// <summary><c>mh computer …</c> against a real server on loopback.</summary>
public sealed class ComputerCommandTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;

    public async Task InitializeAsync() => _api = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private (int ExitCode, string Output, string Error) Run(string input, params string[] args) => Mh.RunWithInput(input, [.. args, "--server", _api.Url, "--data", _api.Folder]);

    [Fact]
    public async Task AddListShowRemove()
    {
        var port = ClosedPort();
        var (saved, text, _) = Run("pw\n", "runas", "account", "add", "unix", "--kind", "Basic", "--field", "UserName=monitor", "--secret-field", "Password");
        saved.Should().Be(0, text);

        var (added, output, error) = Run("", "computer", "add", "db01.example.test", "--protocol", "ssh", "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--runas", "unix");
        added.Should().Be(0, error);
        output.Should().MatchRegex($"^added Microsoft\\.Unix\\.Computer db01\\.example\\.test over ssh at 127\\.0\\.0\\.1:{port} \\(object [0-9a-f-]{{36}}\\)\\r?\\n$");

        // The availability check runs at once: the closed port shows as refused.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string table;
        do
        {
            await Task.Delay(200);
            table = Run("", "computer", "list").Output;
        }
        while (!table.Contains("ConnectionRefused", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        table.Should().MatchRegex($"(?m)^NAME +PROTOCOL +ENDPOINT +CLASS +STATUS +MESSAGE\\r?\\ndb01\\.example\\.test +ssh +127\\.0\\.0\\.1:{port} +Microsoft\\.Unix\\.Computer +ConnectionRefused ");
        Run("", "computer", "show", "DB01.example.test").Output.Should().Contain("db01.example.test");

        var (bad, _, problem) = Run("", "computer", "add", "x", "--protocol", "telnet");
        bad.Should().Be(1);
        problem.Should().Contain("protocol: protocol is wsman, ssh or snmp; it was 'telnet'");

        Run("", "computer", "remove", "db01.example.test").Should().Be((0, "removed db01.example.test" + Environment.NewLine, ""));
        Run("", "computer", "show", "db01.example.test").ExitCode.Should().Be(4);
    }

    [Fact]
    public void Sweep_ProposesTheComputersThatAnswer()
    {
        using var ssh = new TcpListener(IPAddress.Loopback, 0);
        ssh.Start();
        var port = ((IPEndPoint)ssh.LocalEndpoint).Port;
        var closed = ClosedPort();

        // The SSH port is the listener; both WS-Man ports are closed.
        var (code, output, error) = Run("", "computer", "sweep", "127.0.0.1", "--timeout", "2000",
            "--ssh-port", $"{port}", "--wsman-port", $"{closed}", "--wsman-https-port", $"{closed}");

        code.Should().Be(0, error);
        output.Should().MatchRegex("(?m)^TARGET +ADDRESS +PING +PROTOCOLS +TO ADD\\r?\\n127\\.0\\.0\\.1 +127\\.0\\.0\\.1 +(yes|no) +ssh +mh computer add 127\\.0\\.0\\.1 --protocol ssh\\r?$");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
