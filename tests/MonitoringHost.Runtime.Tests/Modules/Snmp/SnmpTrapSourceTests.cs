using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Snmp;
using MonitoringHost.Runtime.Tests.Modules.Probes;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests.Modules.Snmp;

/// <summary>The trap receiver and the trap sources, with traps and informs that net-snmp's snmptrap and snmpinform send.</summary>
public sealed class SnmpTrapSourceTests
{
    private const string LinkDown = "1.3.6.1.6.3.1.1.5.3";
    private const string IfIndex = "1.3.6.1.2.1.2.2.1.1";

    [SkippableFact]
    public async Task Receiver_HandsTrapsAndInformsToTheSourcesOfTheDeviceWithItsCommunity()
    {
        var received = new ConcurrentQueue<SnmpTrap>();
        await using var receiver = SnmpTrapReceiver.Start(new IPEndPoint(IPAddress.Loopback, 0), (trap, _) => { received.Enqueue(trap); return Task.CompletedTask; }, TimeProvider.System, NullLogger.Instance);

        var (code, output) = await SnmpTestAgent.RunToolAsync("snmptrap", "-v", "2c", "-c", "trapcommunity", receiver.LocalEndpoint.ToString(), "", LinkDown, IfIndex + ".2", "i", "2");
        code.Should().Be(0, output);
        (code, output) = await SnmpTestAgent.RunToolAsync("snmpinform", "-v", "2c", "-c", "trapcommunity", "-t", "2", "-r", "0", receiver.LocalEndpoint.ToString(), "", LinkDown, IfIndex + ".3", "i", "3");
        code.Should().Be(0, "the inform is answered: " + output);
        await WaitUntilAsync(() => received.Count == 2);

        var traps = received.ToArray();
        var source = Source("127.0.0.1:1161", "trapcommunity", LinkDown);
        var item = source.Receive(traps[0]).Should().BeOfType<SnmpData>().Subject;
        item.Value("SnmpVarBinds/SnmpVarBind[1]/OID").Should().Be(".1.3.6.1.2.1.1.3.0");
        item.Value("SnmpVarBinds/SnmpVarBind[OID='.1.3.6.1.6.3.1.1.4.1.0']/Value").Should().Be("." + LinkDown);
        item.Value($"SnmpVarBinds/SnmpVarBind[OID='.{IfIndex}.2']/Value").Should().Be("2");
        item.Value("Source").Should().StartWith("127.0.0.1:");
        item.ToXml().Should().NotContain("trapcommunity");
        source.Receive(traps[1]).Should().BeOfType<SnmpData>().Which.Value($"SnmpVarBinds/SnmpVarBind[OID='.{IfIndex}.3']/Value").Should().Be("3");
        traps[1].IsInform.Should().BeTrue();

        Source("127.0.0.1", "other", LinkDown).Receive(traps[0]).Should().BeNull("the community differs");
        Source("127.0.0.2", "trapcommunity", LinkDown).Receive(traps[0]).Should().BeNull("another device sent it");
        Source("127.0.0.1", "trapcommunity", "1.3.6.1.6.3.1.1.5.4").Receive(traps[0]).Should().BeNull("it is not a linkUp trap");
        Source("127.0.0.1", "trapcommunity", IfIndex).Receive(traps[0]).Should().NotBeNull("a binding is below the OID");
        Source("127.0.0.1", "trapcommunity", null).Receive(traps[0]).Should().NotBeNull("no OIDProps: every trap of the device");
        receiver.Received.Should().Be(2);
    }

    [Fact]
    public void Create_SnmpV3_IsRefused()
    {
        var create = () => ProbeSetup.Create("System.NetworkManagement.SnmpTrapProvider", Use("127.0.0.1", "c", null).Replace("<Version />", "<Version>3</Version>", StringComparison.Ordinal));

        create.Should().Throw<ModuleConfigurationException>().Which.Problem.Should().StartWith("SNMPv3 is not supported yet");
    }

    [Fact]
    public void LegacyProvider_AllTrapsFalseWithoutOids_TakesNone()
    {
        var trap = new SnmpTrap(new IPEndPoint(IPAddress.Loopback, 40000), "c", SnmpPduType.Trap, TimeSpan.FromSeconds(1), LinkDown, [], DateTimeOffset.UtcNow);
        var xml = "<DataSource ID=\"DS\" TypeID=\"SNMP!System.SnmpTrapProvider\"><IP>127.0.0.1</IP><CommunityString>c</CommunityString><AllTraps>{0}</AllTraps></DataSource>";

        ((ReceivedDataSource)ProbeSetup.Create("System.SnmpTrapProvider", string.Format(System.Globalization.CultureInfo.InvariantCulture, xml, "false"))).Receive(trap).Should().BeNull();
        ((ReceivedDataSource)ProbeSetup.Create("System.SnmpTrapProvider", string.Format(System.Globalization.CultureInfo.InvariantCulture, xml, "true"))).Receive(trap).Should().NotBeNull();
    }

    [Fact]
    public void TrapEvent_CarriesTheTrapInItsEventData_AsOperationsManagerMapsIt()
    {
        var trap = new SnmpTrap(new IPEndPoint(IPAddress.Loopback, 40000), "c", SnmpPduType.Trap, TimeSpan.FromSeconds(12), LinkDown,
            [new SnmpVariable(IfIndex + ".2", SnmpValue.Integer(2)), new SnmpVariable("1.3.6.1.2.1.2.2.1.2.2", SnmpValue.OctetString("eth0"))], DateTimeOffset.UnixEpoch);
        var mapper = (ConditionModule)ProbeSetup.Create("System.Event.GenericDataMapper", """
            <ConditionDetection ID="EventMapper" TypeID="System!System.Event.GenericDataMapper">
              <EventOriginId>x</EventOriginId><PublisherId>y</PublisherId>
              <PublisherName>Snmp Event</PublisherName><Channel>SnmpEvent</Channel><LoggingComputer />
              <EventNumber>1</EventNumber><EventCategory>0</EventCategory><EventLevel>4</EventLevel><UserName />
              <Params><Param>$Data/SnmpVarBinds/SnmpVarBind[OID='.1.3.6.1.2.1.2.2.1.2.2']/Value$</Param><Param>node</Param></Params>
            </ConditionDetection>
            """);

        var item = mapper.Evaluate(SnmpData.Trap(trap))!;

        item.Should().BeOfType<EventData>();
        item.Value("PublisherName").Should().Be("Snmp Event");
        item.Value("EventLevel").Should().Be("4");
        item.Value("Params/Param[1]").Should().Be("eth0");
        item.Value("Params/Param[2]").Should().Be("node");
        item.Value("EventData/DataItem/@type").Should().Be("System.SnmpData");
        item.Value("EventData/DataItem/SnmpVarBinds/SnmpVarBind[2]/Value").Should().Be("." + LinkDown);
        item.Value("EventData/DataItem/SnmpVarBinds/SnmpVarBind[1]/Value").Should().Be("1200");
        item.Value($"EventData/DataItem/SnmpVarBinds/SnmpVarBind[OID='.{IfIndex}.2']/Value").Should().Be("2");
    }

    private static ReceivedDataSource Source(string ip, string community, string? oid) =>
        (ReceivedDataSource)ProbeSetup.Create("System.NetworkManagement.SnmpTrapProvider", Use(ip, community, oid));

    private static string Use(string ip, string community, string? oid) =>
        $"""
        <DataSource ID="DS" TypeID="NM!System.NetworkManagement.SnmpTrapProvider">
          <IP>{ip}</IP>
          <CommunityString>{community}</CommunityString>
          <Version />
          <OIDProps>{(oid is null ? "" : $"<OIDProp>{oid}</OIDProp>")}</OIDProps>
        </DataSource>
        """;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        condition().Should().BeTrue();
    }
}
