using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Probes;

namespace MonitoringHost.Runtime.Tests.Modules.Probes;

public sealed class TcpPortCheckProbeTests
{
    [Fact]
    public async Task RunAsync_ListeningPort_EmitsStatusZeroThroughDataPaths()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var probe = ProbeSetup.Create(TcpPortCheckProbeFactory.Id, Use("127.0.0.1", port.ToString(CultureInfo.InvariantCulture)));

        var item = await ProbeSetup.RunOnceAsync(probe);

        item.Should().BeOfType<TcpPortCheckData>();
        item.Value("@type").Should().Be("Microsoft.SystemCenter.SyntheticTransactions.TCPPortCheckData");
        item.Value("StatusCode").Should().Be("0");
        item.Value("/DataItem/ServerName").Should().Be("127.0.0.1");
        item.Value("Port").Should().Be(port.ToString(CultureInfo.InvariantCulture));
        double.Parse(item.Value("ConnectionTime")!, CultureInfo.InvariantCulture).Should().BeGreaterThan(0).And.BeLessThan(5000);
        item.Time.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RunAsync_ClosedPort_EmitsRefusedStatusCode()
    {
        var port = ClosedPort();
        var probe = ProbeSetup.Create(TcpPortCheckProbeFactory.Id, Use("127.0.0.1", port.ToString(CultureInfo.InvariantCulture)));

        var item = await ProbeSetup.RunOnceAsync(probe);

        item.Value("StatusCode").Should().Be("2147952461");
        item.Value("Port").Should().Be(port.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Create_PackConfiguration_ReadsServerNameAndPort()
    {
        var probe = (TcpPortCheckProbe)ProbeSetup.Create(TcpPortCheckProbeFactory.Id, Use("web01.contoso.test", " 443 "));

        probe.Configuration.Should().Be(new TcpPortCheckProbeConfiguration("web01.contoso.test", 443));
    }

    [Theory]
    [InlineData("<ServerName>a</ServerName><Port>0</Port>", "Port", "0 is not a TCP port (1 to 65535)")]
    [InlineData("<ServerName>a</ServerName><Port>65536</Port>", "Port", "65536 is not a TCP port (1 to 65535)")]
    [InlineData("<ServerName>a</ServerName><Port>https</Port>", "Port", "'https' is not a whole number")]
    [InlineData("<ServerName></ServerName><Port>80</Port>", "ServerName", "is missing or empty")]
    [InlineData("<Port>80</Port>", "ServerName", "is missing or empty")]
    public void Create_BadConfiguration_NamesTheField(string body, string field, string problem)
    {
        var create = () => ProbeSetup.Create(TcpPortCheckProbeFactory.Id, $"<ProbeAction ID=\"Probe\" TypeID=\"MSSL!{TcpPortCheckProbeFactory.Id}\">{body}</ProbeAction>");

        var thrown = create.Should().Throw<ModuleConfigurationException>().Which;
        thrown.Field.Should().Be(field);
        thrown.Problem.Should().Be(problem);
        thrown.WorkflowId.Should().Be(ProbeSetup.WorkflowId);
        thrown.ModuleId.Should().Be("Probe");
    }

    [Fact]
    public void Select_PathsTheDataTypeDoesNotHave_AreNull()
    {
        var item = new TcpPortCheckData(DateTimeOffset.UnixEpoch, new MonitoringHost.Probes.Tcp.TcpPortCheckResult("a", 80, 0, TimeSpan.FromMilliseconds(1.5), null, null));

        item.Value("ConnectionTime").Should().Be("1.5");
        item.Value("@StatusCode").Should().BeNull();
        item.Value("Property[@Name='StatusCode']").Should().BeNull();
        item.Value("StatusCode/Value").Should().BeNull();
        item.Exists(DataPath.Parse("ResponseTime")).Should().BeFalse();
    }

    // The element of the probe's use inside a composite, after $Config substitution (FragmentLibrary Monitor.PortCheck.mpx).
    private static string Use(string serverName, string port) => $"""
        <ProbeAction ID="Probe" TypeID="MSSL!Microsoft.SystemCenter.SyntheticTransactions.TCPPortCheckProbe">
          <ServerName>{serverName}</ServerName>
          <Port>{port}</Port>
        </ProbeAction>
        """;

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
