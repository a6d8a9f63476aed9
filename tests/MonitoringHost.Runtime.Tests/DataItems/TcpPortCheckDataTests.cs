using System.Net;
using MonitoringHost.Probes.Tcp;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class TcpPortCheckDataTests
{
    [Fact]
    public void ToXml_RefusedPort_HasTheElementsAlertsReadThroughContext()
    {
        var result = new TcpPortCheckResult("db01.contoso.test", 1433, TcpStatusCodes.ConnectionRefused, TimeSpan.FromMilliseconds(1.5), IPAddress.Loopback, "refused");

        var root = XmlForm.ShouldRoundTrip(
            new TcpPortCheckData(DateTimeOffset.UnixEpoch, result),
            ("@type", "Microsoft.SystemCenter.SyntheticTransactions.TCPPortCheckData"),
            ("ServerName", "db01.contoso.test"),
            ("Port", "1433"),
            ("StatusCode", "2147952461"),
            ("ConnectionTime", "1.5"));

        root.Elements().Select(e => e.Name.LocalName).Should().Equal("ServerName", "Port", "StatusCode", "ConnectionTime");
    }
}
