using System.Net;
using System.Net.Sockets;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary><c>POST /api/v1/computers:sweep</c> over loopback addresses: what answers on which management port.</summary>
public sealed class ComputerSweepApiTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private string _author = "";

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _author = await _api.KeyAsync("author", ApiRole.Author);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Sweep_ProposesEachAddress_WithTheProtocolsItAnswersOn()
    {
        // "WS-Man" and "SSH" listeners on 127.0.0.1 only: 127.0.0.2 and .3 are loopback too, but refuse both ports.
        using var wsman = new TcpListener(IPAddress.Loopback, 0);
        using var ssh = new TcpListener(IPAddress.Loopback, 0);
        wsman.Start();
        ssh.Start();
        var unused = FreePort();
        var body = $$"""{ "targets": ["127.0.0.1-3"], "wsManPort": {{Port(wsman)}}, "wsManHttpsPort": {{unused}}, "sshPort": {{Port(ssh)}}, "timeoutMilliseconds": 500 }""";

        var (status, answer, response) = await _api.SendAsync(HttpMethod.Post, "/api/v1/computers:sweep", _author, body);
        response.Dispose();

        status.Should().Be(HttpStatusCode.OK, answer.ToString());
        var findings = answer.GetProperty("items").EnumerateArray()
            .Select(f => (f.GetProperty("target").GetString(), f.GetProperty("pings").GetBoolean(), string.Join(",", f.GetProperty("protocols").EnumerateArray().Select(p => p.GetString()))))
            .ToList();
        findings.Should().Equal(("127.0.0.1", true, "wsman,ssh"), ("127.0.0.2", true, ""), ("127.0.0.3", true, ""));
    }

    [Theory]
    [InlineData("""{ "targets": ["10.0.0.1-9.0.0.1"] }""", "targets")]
    [InlineData("""{ "targets": ["10.0.0.0-10.0.8.0"] }""", "targets")]
    [InlineData("""{ "targets": [] }""", "targets")]
    [InlineData("""{ "targets": ["127.0.0.1"], "sshPort": 70000 }""", "sshPort")]
    [InlineData("""{ "targets": ["127.0.0.1"], "timeoutMilliseconds": 0 }""", "timeoutMilliseconds")]
    public async Task BadSweeps_Are400_NamingTheField(string body, string path)
    {
        var (status, answer, response) = await _api.SendAsync(HttpMethod.Post, "/api/v1/computers:sweep", _author, body);
        response.Dispose();
        status.Should().Be(HttpStatusCode.BadRequest);
        answer.GetProperty("errors")[0].GetProperty("path").GetString().Should().Be(path);
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return Port(listener);
    }
}
