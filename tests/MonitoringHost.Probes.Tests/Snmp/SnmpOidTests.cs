using System.Net;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Probes.Tests.Snmp;

public sealed class SnmpOidTests
{
    [Theory]
    [InlineData("1.3.6.1.2.1.2", "1.3.6.1.2.1.10", -1)]
    [InlineData("1.3.6.1.2.1.1", "1.3.6.1.2.1.1.1", -1)]
    [InlineData("1.3.6.1.2.1.1.9", "1.3.6.1.2.1.1.10.0", -1)]
    [InlineData("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.1.0", 0)]
    [InlineData("1.3.6.1.4", "1.3.6.1.2.1", 1)]
    public void Compare_FollowsMibOrderNotTextOrder(string left, string right, int expected)
    {
        Math.Sign(SnmpOid.Compare(left, right)).Should().Be(expected);
        Math.Sign(SnmpOid.Compare(right, left)).Should().Be(-expected);
    }

    [Theory]
    [InlineData("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1", true)]
    [InlineData("1.3.6.1.2.1.10.1", "1.3.6.1.2.1.1", false)]
    [InlineData("1.3.6.1.2.1.1", "1.3.6.1.2.1.1", false)]
    public void IsUnder_NeedsAWholeSubIdentifierBoundary(string oid, string root, bool expected) =>
        SnmpOid.IsUnder(oid, root).Should().Be(expected);

    [Theory]
    [InlineData("1", "'1' is not an object identifier: it needs at least two sub-identifiers*")]
    [InlineData("1.3.6.-1", "'1.3.6.-1' is not an object identifier: '-1' is not a sub-identifier*")]
    [InlineData("1.3..6", "'1.3..6' is not an object identifier: '' is not a sub-identifier*")]
    [InlineData("1.3.4294967296", "'1.3.4294967296' is not an object identifier: '4294967296' is not a sub-identifier*")]
    public void Normalize_BadOid_SaysWhichPart(string oid, string message)
    {
        var act = () => SnmpOid.Normalize(oid);

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void AgentParse_ReadsAddressPortAndCommunity()
    {
        SnmpAgent.Parse("127.0.0.1:1161;public").Should().Be(new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 1161), "public"));
        SnmpAgent.Parse("[::1];pub;lic").Should().Be(new SnmpAgent(new IPEndPoint(IPAddress.IPv6Loopback, 161), "pub;lic"));
        var act = () => SnmpAgent.Parse("localhost:161;public");
        act.Should().Throw<FormatException>().WithMessage("'localhost:161' is not an IP address with an optional port");
    }
}
