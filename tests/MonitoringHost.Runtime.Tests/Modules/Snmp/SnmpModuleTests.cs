using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using System.Xml.XPath;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Modules.Snmp;
using MonitoringHost.Runtime.Tests.Modules.Probes;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests.Modules.Snmp;

/// <summary>The SNMP probe and data source against the real snmpd that test.sh starts (MH_TEST_SNMP).</summary>
public sealed class SnmpModuleTests
{
    private const string SysDescr = "1.3.6.1.2.1.1.1.0";
    private const string SysUpTime = "1.3.6.1.2.1.1.3.0";
    private const string SysName = "1.3.6.1.2.1.1.5.0";
    private const string SysLocation = "1.3.6.1.2.1.1.6.0";

    [SkippableFact]
    public async Task Probe_Get_ReadsTheBindingsAsOperationsManagerShowsThem()
    {
        var agent = SnmpTestAgent.Require();
        var probe = ProbeSetup.Create(SnmpProbe.Factory.Id, Probe(agent.Endpoint.ToString(), agent.Community, SysName, SysDescr, SysLocation, SysUpTime));

        var item = await ProbeSetup.RunOnceAsync(probe);

        item.Should().BeOfType<SnmpData>();
        item.Value("@type").Should().Be("System.SnmpData");
        item.Value("Source").Should().Be(agent.Endpoint.ToString());
        item.Value("ErrorCode").Should().Be("0");
        item.Value("SnmpVarBinds/SnmpVarBind[1]/OID").Should().Be("." + SysName);
        item.Value("SnmpVarBinds/SnmpVarBind[1]/Syntax").Should().Be("4");
        item.Value("SnmpVarBinds/SnmpVarBind[1]/Value").Should().Be(Environment.MachineName);
        item.Value("SnmpVarBinds/SnmpVarBind[1]/Value/@VariantType").Should().Be("8");
        item.Value($"SnmpVarBinds/SnmpVarBind[OID='.{SysLocation}']/Value").Should().Be(SnmpTestAgent.Location);
        item.Value($"SnmpVarBinds/SnmpVarBind[OID=\".{SysDescr}\"]/Value").Should().StartWith("Linux");
        item.Value($"SnmpVarBinds/SnmpVarBind[OID='.{SysUpTime}']/Syntax").Should().Be("67");
        long.Parse(item.Value($"SnmpVarBinds/SnmpVarBind[OID='.{SysUpTime}']/Value")!, CultureInfo.InvariantCulture).Should().BePositive("sysUpTime reads in hundredths of a second");
        item.Value("SnmpVarBinds/SnmpVarBind[OID='.1.3.6.1.2.1.1.99.0']/Value").Should().BeNull();

        // The XML form selects the same text at the same paths (an alert's context).
        var xml = XElement.Parse(item.ToXml());
        xml.XPathSelectElement($"SnmpVarBinds/SnmpVarBind[OID='.{SysLocation}']/Value")!.Value.Should().Be(SnmpTestAgent.Location);
        xml.XPathSelectElement("SnmpVarBinds/SnmpVarBind[1]/Value")!.Attribute("VariantType")!.Value.Should().Be("8");
        xml.Elements().Select(e => e.Name.LocalName).Should().Equal("Source", "Version", "ErrorCode", "SnmpVarBinds");
        item.ToXml().Should().NotContain(agent.Community, "the community is never part of an item");
    }

    [SkippableFact]
    public async Task Probe_ObjectThatDoesNotExist_ReadsNoSuchObject()
    {
        var agent = SnmpTestAgent.Require();
        var probe = ProbeSetup.Create(SnmpProbe.Factory.Id, Probe(agent.Endpoint.ToString(), agent.Community, "1.3.6.1.2.1.1.99.0"));

        var item = await ProbeSetup.RunOnceAsync(probe);

        item.Value("SnmpVarBinds/SnmpVarBind/Syntax").Should().Be("128");
        item.Value("SnmpVarBinds/SnmpVarBind/Value").Should().Be("noSuchObject");
    }

    [SkippableFact]
    public async Task DataSource_RunsOnItsScheduleWithTheComputerNamesPort()
    {
        var agent = SnmpTestAgent.Require();
        var module = ProbeSetup.Create(SnmpDataSource.Factory.Id, DataSource(agent.Endpoint.ToString(), agent.Community, "1.3.6.1.2.1.2.2.1.8.1"));

        var source = module.Should().BeOfType<SnmpDataSource>().Subject;
        source.Schedule.Interval.Should().Be(TimeSpan.FromSeconds(30));
        source.Request.Endpoint().Should().Be(new AgentlessEndpoint(AgentlessProtocols.Snmp, "127.0.0.1", agent.Endpoint.Port));
        var item = await ProbeSetup.RunOnceAsync(module);
        item.Value("SnmpVarBinds/SnmpVarBind[OID='.1.3.6.1.2.1.2.2.1.8.1']/Value").Should().Be("1", "ifOperStatus of lo is up(1)");
        item.Value("SnmpVarBinds/SnmpVarBind/Value/@VariantType").Should().Be("3");
    }

    [SkippableFact]
    public async Task WrongCommunity_SaysNoAnswerAndBacksOff()
    {
        var agent = SnmpTestAgent.Require();
        var setup = ProbeSetup.Setup(ProbeWith(agent.Endpoint.ToString(), "not-the-community", [SysName], timeout: 200, retries: 0));
        var probe = new SnmpProbe.Factory().Create(setup);

        var run = () => probe.RunAsync(new TriggerData(DateTimeOffset.UtcNow), new RecordingOutput(), CancellationToken.None).AsTask();

        var failure = (await run.Should().ThrowAsync<SnmpRequestException>()).Which;
        failure.Status.Should().Be("Timeout");
        failure.Message.Should().Be($"no answer from {agent.Endpoint} within 200 ms: the agent is down or the community is wrong");
        failure.Message.Should().NotContain("not-the-community");
        var state = setup.Services.Agentless.Reachability.State(AgentlessProtocols.Snmp, agent.Endpoint.ToString())!;
        state.Reachable.Should().BeFalse();
        state.Status.Should().Be("Timeout");

        // In backoff: nothing is sent, the run says why and until when.
        (await run.Should().ThrowAsync<RemoteHostUnavailableException>()).Which.Message.Should()
            .StartWith($"snmp to {agent.Endpoint} not tried until").And.Contain("Timeout: no answer from");
    }

    [Fact]
    public async Task ClosedPort_IsRefused()
    {
        var port = SnmpTestAgent.ClosedUdpPort();
        var setup = ProbeSetup.Setup(ProbeWith($"127.0.0.1:{port}", "public", [SysName], timeout: 1000, retries: 0));
        var probe = new SnmpProbe.Factory().Create(setup);

        var run = () => probe.RunAsync(new TriggerData(DateTimeOffset.UtcNow), new RecordingOutput(), CancellationToken.None).AsTask();

        var failure = (await run.Should().ThrowAsync<SnmpRequestException>()).Which;
        failure.Status.Should().Be("Refused");
        failure.Message.Should().Be($"no SNMP agent at 127.0.0.1:{port}: connection refused (ICMP port unreachable)");
        setup.Services.Agentless.Reachability.State(AgentlessProtocols.Snmp, $"127.0.0.1:{port}")!.Reachable.Should().BeFalse();
    }

    [Fact]
    public void PortInConfiguration_IsUsedWhenTheNameHasNone()
    {
        var probe = (SnmpProbe)ProbeSetup.Create(SnmpProbe.Factory.Id, ProbeWith("10.1.2.3", "public", [SysName], port: 1161));
        probe.Request.Endpoint().HostKey.Should().Be("10.1.2.3:1161");

        var named = (SnmpProbe)ProbeSetup.Create(SnmpProbe.Factory.Id, ProbeWith("10.1.2.3:2161", "public", [SysName], port: 1161));
        named.Request.Endpoint().HostKey.Should().Be("10.1.2.3:2161");

        var standard = (SnmpProbe)ProbeSetup.Create(SnmpProbe.Factory.Id, ProbeWith("10.1.2.3", "public", [SysName], port: 161));
        standard.Request.Endpoint().HostKey.Should().Be("10.1.2.3:161");
    }

    [Theory]
    [InlineData("Version", "3", "SNMPv3 is not supported yet: this host speaks SNMPv2c (use a v2c community on the device)")]
    [InlineData("Version", "1", "SNMPv1 is not supported: this host speaks SNMPv2c (nearly every v1 agent also answers v2c)")]
    [InlineData("IsWriteAction", "true", "SNMP SET is not supported by this host: only GET requests are sent")]
    [InlineData("Timeout", "0", "0 ms is not between 1 and 60000")]
    [InlineData("NoOfRetries", "11", "11 is not between 0 and 10")]
    public void Create_RefusedConfiguration_NamesTheField(string field, string value, string problem)
    {
        var xml = System.Text.RegularExpressions.Regex.Replace(Probe("10.1.2.3", "public", SysName), $"<{field}>[^<]*</{field}>", $"<{field}>{value}</{field}>");

        var create = () => ProbeSetup.Create(SnmpProbe.Factory.Id, xml);

        var thrown = create.Should().Throw<ModuleConfigurationException>().Which;
        thrown.Field.Should().Be(field);
        thrown.Problem.Should().Be(problem);
    }

    [Fact]
    public void Create_BadOid_NamesTheBinding()
    {
        var create = () => ProbeSetup.Create(SnmpProbe.Factory.Id, Probe("10.1.2.3", "public", SysName, "1.3.x"));

        create.Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be("SnmpVarBinds/SnmpVarBind[2]/OID");
    }

    [Fact]
    public void Create_NoCommunityAndNoRunAsStore_DoesNotLoad()
    {
        var create = () => ProbeSetup.Create(SnmpProbe.Factory.Id, Probe("10.1.2.3", "", SysName));

        create.Should().Throw<MonitoringHost.Runtime.Credentials.RunAsResolutionException>()
            .Which.Profile.Should().Be(AgentlessProtocols.SnmpProfile);
    }

    [SkippableFact]
    public async Task Walk_ReadsOneItemPerInterface_AsOneSet_LikeSnmpwalk()
    {
        var agent = SnmpTestAgent.Require();
        var walk = ProbeSetup.Create(SnmpWalkProbe.Factory.Id, $$"""
            <ProbeAction ID="Walk" TypeID="MHAL!MonitoringHost.Agentless.SnmpWalkProbe">
              <IP>{{agent.Endpoint}}</IP>
              <CommunityString>{{agent.Community}}</CommunityString>
              <Timeout>2000</Timeout>
              <NoOfRetries>1</NoOfRetries>
              <RootOID>.1.3.6.1.2.1.2.2.1.2</RootOID>
            </ProbeAction>
            """);
        var output = new RecordingOutput();

        await walk.RunAsync(new TriggerData(DateTimeOffset.UtcNow), output, CancellationToken.None);

        // The same interfaces, in the same order, as net-snmp's own walk of ifDescr.
        var (exit, text) = await SnmpTestAgent.RunToolAsync("snmpwalk", "-v2c", "-c", agent.Community, "-On", "-Oq", agent.Endpoint.ToString(), ".1.3.6.1.2.1.2.2.1.2");
        exit.Should().Be(0, text);
        var expected = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', 2)).Select(p => (Oid: p[0], Name: p[1].Trim('"'))).ToList();
        output.Sets.Should().ContainSingle("a walk is one delivery");
        var items = output.Sets.Single().Items;
        items.Select(i => (i.Value("SnmpVarBinds/SnmpVarBind[1]/OID"), i.Value("SnmpVarBinds/SnmpVarBind[1]/Value"))).Should().Equal(expected.Select(e => ((string?)e.Oid, (string?)e.Name)));
        items.Select(i => i.Value("SnmpVarBinds/SnmpVarBind[1]/Value")).Should().Contain("lo");
    }

    internal static string Probe(string ip, string community, params string[] oids) => ProbeWith(ip, community, oids);

    internal static string ProbeWith(string ip, string community, string[] oids, int timeout = 500, int retries = 1, int? port = null) =>
        $"""
        <ProbeAction ID="Probe" TypeID="SNMP!System.SnmpProbe">
          <NoOfRetries>{retries}</NoOfRetries>
          <Timeout>{timeout}</Timeout>
          {(port is { } p ? $"<Port>{p}</Port>" : "")}
          <IsWriteAction>false</IsWriteAction>
          <IP>{ip}</IP>
          <CommunityString>{community}</CommunityString>
          <Version>2</Version>
          <SnmpVarBinds>{string.Concat(oids.Select(o => $"<SnmpVarBind><OID>.{o}</OID><Syntax>0</Syntax><Value VariantType=\"8\" /></SnmpVarBind>"))}</SnmpVarBinds>
        </ProbeAction>
        """;

    private static string DataSource(string ip, string community, string oid) =>
        $"""
        <DataSource ID="DS" TypeID="NM!System.NetworkManagement.SnmpDataSource">
          <Scheduler><SimpleReccuringSchedule><Interval Unit="Seconds">30</Interval></SimpleReccuringSchedule><ExcludeDates /></Scheduler>
          <NoOfRetries>1</NoOfRetries>
          <Timeout>1000</Timeout>
          <Port>161</Port>
          <SNMPv3UserName />
          <IP>{ip}</IP>
          <CommunityString>{community}</CommunityString>
          <Version />
          <SnmpVarBinds><SnmpVarBind><OID>{oid}</OID><Syntax>0</Syntax><Value VariantType="8" /></SnmpVarBind></SnmpVarBinds>
        </DataSource>
        """;
}
