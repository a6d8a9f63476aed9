using System.Globalization;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Probes;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests.Modules.Probes;

public sealed class IcmpPingProbeTests
{
    [SkippableFact]
    public async Task RunAsync_Loopback_EmitsAnsweredEchoesThroughDataPaths()
    {
        var probe = ProbeSetup.Create(IcmpPingProbeFactory.Id, Use("<ServerName>127.0.0.1</ServerName><EchoCount>2</EchoCount><TimeoutMilliseconds>1000</TimeoutMilliseconds>"));

        var item = await ProbeSetup.RunOnceAsync(probe);

        if (item.Value("Status") == "Unknown")
        {
            CiRequirement.SkipLocallyOrFail($"this process may not send ICMP echo requests: {item.Value("ErrorMessage")}");
        }

        item.Should().BeOfType<IcmpPingData>();
        item.Value("@type").Should().Be("MonitoringHost.Agentless.IcmpPingData");
        item.Value("ServerName").Should().Be("127.0.0.1");
        item.Value("Address").Should().Be("127.0.0.1");
        item.Value("Succeeded").Should().Be("true");
        item.Value("Status").Should().Be("Success");
        item.Value("Sent").Should().Be("2");
        item.Value("Received").Should().Be("2");
        item.Value("PacketLoss").Should().Be("0");
        double.Parse(item.Value("RoundTripTime")!, CultureInfo.InvariantCulture).Should().BeInRange(0, 1000);
        item.Exists(DataPath.Parse("ErrorMessage")).Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_UnresolvableName_EmitsFailureWithTheReason()
    {
        var probe = ProbeSetup.Create(IcmpPingProbeFactory.Id, Use("<ServerName>monitoringhost-test.invalid</ServerName>"));

        var item = await ProbeSetup.RunOnceAsync(probe);

        item.Value("Succeeded").Should().Be("false");
        item.Value("Sent").Should().Be("0");
        item.Value("PacketLoss").Should().Be("100");
        item.Exists(DataPath.Parse("RoundTripTime")).Should().BeFalse();
        item.Value("ErrorMessage").Should().StartWith("monitoringhost-test.invalid could not be resolved");
    }

    [Fact]
    public void Create_EmptyOptionalElements_MeanTheDefaults()
    {
        var probe = (IcmpPingProbe)ProbeSetup.Create(IcmpPingProbeFactory.Id, Use("<ServerName>web01</ServerName><EchoCount /><TimeoutMilliseconds />"));

        probe.Configuration.Should().Be(new IcmpPingProbeConfiguration("web01", 4, TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("<ServerName>a</ServerName><EchoCount>0</EchoCount>", "EchoCount", "0 is not between 1 and 100")]
    [InlineData("<ServerName>a</ServerName><TimeoutMilliseconds>60001</TimeoutMilliseconds>", "TimeoutMilliseconds", "60001 is not between 1 and 60000")]
    [InlineData("<EchoCount>1</EchoCount>", "ServerName", "is missing or empty")]
    public void Create_BadConfiguration_NamesTheField(string body, string field, string problem)
    {
        var create = () => ProbeSetup.Create(IcmpPingProbeFactory.Id, Use(body));

        var thrown = create.Should().Throw<ModuleConfigurationException>().Which;
        thrown.Field.Should().Be(field);
        thrown.Problem.Should().Be(problem);
    }

    private static string Use(string body) => $"""<ProbeAction ID="Probe" TypeID="Agentless!MonitoringHost.Agentless.IcmpPingProbe">{body}</ProbeAction>""";
}
