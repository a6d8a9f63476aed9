using System.Net;
using System.Net.NetworkInformation;
using MonitoringHost.Probes.Icmp;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class IcmpPingDataTests
{
    [Fact]
    public void ToXml_OneOfTwoEchoesAnswered_HasEveryElementSelectAnswers()
    {
        var result = new IcmpPingResult("router1", IPAddress.Parse("192.0.2.1"), [
            new IcmpEcho(1, IPStatus.Success, TimeSpan.FromMilliseconds(4), null),
            new IcmpEcho(2, IPStatus.TimedOut, TimeSpan.Zero, "echo 2 to 192.0.2.1: TimedOut"),
        ], null);

        var root = XmlForm.ShouldRoundTrip(
            new IcmpPingData(DateTimeOffset.UnixEpoch, result),
            ("ServerName", "router1"),
            ("Address", "192.0.2.1"),
            ("Succeeded", "true"),
            ("Status", "TimedOut"),
            ("Sent", "2"),
            ("Received", "1"),
            ("PacketLoss", "50"),
            ("RoundTripTime", "4"),
            ("MinimumRoundTripTime", "4"),
            ("MaximumRoundTripTime", "4"),
            ("ErrorMessage", "echo 2 to 192.0.2.1: TimedOut"));

        root.Elements().Should().HaveCount(11);
    }

    [Fact]
    public void ToXml_NameThatDidNotResolve_LeavesOutAddressAndRoundTrips()
    {
        var result = new IcmpPingResult("nowhere.invalid", null, [], "nowhere.invalid did not resolve");

        var root = XmlForm.ShouldRoundTrip(
            new IcmpPingData(DateTimeOffset.UnixEpoch, result),
            ("Succeeded", "false"),
            ("PacketLoss", "100"),
            ("Address", null),
            ("RoundTripTime", null),
            ("ErrorMessage", "nowhere.invalid did not resolve"));

        root.Elements().Select(e => e.Name.LocalName).Should().Equal("ServerName", "Succeeded", "Status", "Sent", "Received", "PacketLoss", "ErrorMessage");
    }
}
