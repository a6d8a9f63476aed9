using System.Net;
using System.Net.NetworkInformation;
using MonitoringHost.Probes.Icmp;

namespace MonitoringHost.Probes.Tests.Icmp;

public sealed class IcmpPingResultTests
{
    [Fact]
    public void Figures_SomeEchoesLost_CountOnlyTheAnsweredOnes()
    {
        var result = new IcmpPingResult("server", IPAddress.Loopback,
        [
            new IcmpEcho(1, IPStatus.Success, TimeSpan.FromMilliseconds(10), null),
            new IcmpEcho(2, IPStatus.TimedOut, TimeSpan.Zero, "echo 2 to 127.0.0.1: TimedOut"),
            new IcmpEcho(3, IPStatus.Success, TimeSpan.FromMilliseconds(30), null),
            new IcmpEcho(4, IPStatus.TimedOut, TimeSpan.Zero, "echo 4 to 127.0.0.1: TimedOut"),
        ], null);

        result.Sent.Should().Be(4);
        result.Received.Should().Be(2);
        result.LossPercent.Should().Be(50);
        result.MinimumRoundTrip.Should().Be(TimeSpan.FromMilliseconds(10));
        result.AverageRoundTrip.Should().Be(TimeSpan.FromMilliseconds(20));
        result.MaximumRoundTrip.Should().Be(TimeSpan.FromMilliseconds(30));
        result.LastStatus.Should().Be(IPStatus.TimedOut);
        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Figures_NoEchoAnswered_HaveNoRoundTrip()
    {
        var result = new IcmpPingResult("server", IPAddress.Loopback, [new IcmpEcho(1, IPStatus.TimedOut, TimeSpan.Zero, "lost")], null);

        result.Succeeded.Should().BeFalse();
        result.LossPercent.Should().Be(100);
        result.AverageRoundTrip.Should().BeNull();
        result.MinimumRoundTrip.Should().BeNull();
    }
}
