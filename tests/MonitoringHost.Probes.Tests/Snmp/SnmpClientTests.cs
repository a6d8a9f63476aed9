using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Probes.Tests.Snmp;

/// <summary>The client against the real snmpd of test.sh.</summary>
public sealed class SnmpClientTests
{
    private const string System = "1.3.6.1.2.1.1";
    private const string SysDescr = "1.3.6.1.2.1.1.1.0";
    private const string SysUpTime = "1.3.6.1.2.1.1.3.0";
    private const string SysName = "1.3.6.1.2.1.1.5.0";
    private const string SysLocation = "1.3.6.1.2.1.1.6.0";
    private const string IfEntry = "1.3.6.1.2.1.2.2.1";
    private const string IfNumber = "1.3.6.1.2.1.2.1.0";

    [SkippableFact]
    public async Task GetAsync_SystemScalars_ReadsTheirTypedValues()
    {
        using var client = new SnmpClient(SnmpTestAgent.Require(), TimeProvider.System);

        var result = await client.GetAsync([SysDescr, SysUpTime, SysName, SysLocation], CancellationToken.None);

        result.Error.Should().BeNull();
        result.Variables.Select(v => v.Oid).Should().Equal(SysDescr, SysUpTime, SysName, SysLocation);
        var descr = result.Variables[0].Value;
        descr.Type.Should().Be(SnmpValueType.OctetString);
        descr.Text.Should().StartWith(RuntimeInformationName()).And.Contain($" {Environment.MachineName} ");
        var upTime = result.Variables[1].Value;
        upTime.Type.Should().Be(SnmpValueType.TimeTicks);
        upTime.Value.Should().BeOfType<TimeSpan>().Which.Should().BePositive();
        upTime.ToInt64().Should().Be(upTime.Ticks).And.Be((long)((TimeSpan)upTime.Value!).TotalMilliseconds / 10);
        result.Variables[2].Value.Text.Should().Be(Environment.MachineName);
        result.Variables[3].Value.Text.Should().Be(SnmpTestAgent.Location);
    }

    [SkippableFact]
    public async Task GetAsync_SysUpTimeTwice_Advances()
    {
        using var client = new SnmpClient(SnmpTestAgent.Require(), TimeProvider.System);

        var first = await client.GetAsync([SysUpTime], CancellationToken.None);
        await Task.Delay(300);
        var second = await client.GetAsync([SysUpTime], CancellationToken.None);

        second.Variables[0].Value.Ticks.Should().BeGreaterThanOrEqualTo(first.Variables[0].Value.Ticks!.Value + 20);
    }

    [SkippableFact]
    public async Task GetAsync_MissingObjectAndInstance_AnswersTheExceptions()
    {
        using var client = new SnmpClient(SnmpTestAgent.Require(), TimeProvider.System);

        var result = await client.GetAsync(["1.3.6.1.2.1.1.99.0", "1.3.6.1.2.1.1.1.7"], CancellationToken.None);

        result.Error.Should().BeNull();
        result.Variables.Select(v => (v.Oid, v.Value.Type)).Should().Equal(
            ("1.3.6.1.2.1.1.99.0", SnmpValueType.NoSuchObject),
            ("1.3.6.1.2.1.1.1.7", SnmpValueType.NoSuchInstance));
        result.Variables.Should().OnlyContain(v => v.Value.IsException && v.Value.Value == null);
        result.Variables[0].Value.Text.Should().Be("noSuchObject");
    }

    [SkippableFact]
    public async Task GetNextAsync_SystemSubtree_AnswersSysDescr()
    {
        using var client = new SnmpClient(SnmpTestAgent.Require(), TimeProvider.System);

        var result = await client.GetNextAsync([System, SysDescr], CancellationToken.None);

        result.Variables.Select(v => v.Oid).Should().Equal(SysDescr, "1.3.6.1.2.1.1.2.0");
        result.Variables[1].Value.Type.Should().Be(SnmpValueType.ObjectIdentifier);
        result.Variables[1].Value.Value.Should().BeOfType<string>().Which.Should().StartWith("1.3.6.1.4.1.");
    }

    [SkippableFact]
    public async Task WalkAsync_SystemSubtree_ReadsWhatSnmpwalkReads()
    {
        var agent = SnmpTestAgent.Require();
        using var client = new SnmpClient(agent with { MaxRepetitions = 5 }, TimeProvider.System);

        var walk = await client.WalkAsync(System, CancellationToken.None);
        var (exitCode, output) = await SnmpTestAgent.RunToolAsync("snmpwalk", "-v2c", "-c", agent.Community, "-On", agent.Endpoint.ToString(), System);

        exitCode.Should().Be(0, output);
        var expected = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0].TrimStart('.')).ToList();
        walk.Error.Should().BeNull();
        walk.Variables.Select(v => v.Oid).Should().Equal(expected);
        walk.Variables.Should().HaveCountGreaterThan(10).And.Contain(v => v.Oid == SysLocation && v.Value.Text == SnmpTestAgent.Location);
        walk.Variables.Zip(walk.Variables.Skip(1)).Should().OnlyContain(p => SnmpOid.Compare(p.First.Oid, p.Second.Oid) < 0);
    }

    [SkippableFact]
    public async Task WalkAsync_IfTable_ReadsEveryInterfacesColumns()
    {
        using var client = new SnmpClient(SnmpTestAgent.Require(), TimeProvider.System);
        var interfaces = NetworkInterface.GetAllNetworkInterfaces();

        var walk = await client.WalkAsync("1.3.6.1.2.1.2.2", CancellationToken.None);
        var number = await client.GetAsync([IfNumber], CancellationToken.None);

        walk.Error.Should().BeNull();
        number.Variables[0].Value.Value.Should().Be(interfaces.Length);
        walk.Variables.Where(v => SnmpOid.IsUnder(v.Oid, IfEntry + ".2")).Select(v => v.Value.Text)
            .Should().BeEquivalentTo(interfaces.Select(i => i.Name));
        walk.Variables.Should().HaveCount(22 * interfaces.Length);
    }

    [SkippableFact]
    public async Task ReadTableAsync_IfTable_GivesOneRowPerInterface()
    {
        using var client = new SnmpClient(SnmpTestAgent.Require() with { MaxRepetitions = 3 }, TimeProvider.System);
        var interfaces = NetworkInterface.GetAllNetworkInterfaces();

        var table = await client.ReadTableAsync(IfEntry, [1, 2, 6, 10], CancellationToken.None);
        var all = await client.ReadTableAsync(IfEntry, null, CancellationToken.None);

        table.Error.Should().BeNull();
        table.Rows.Should().HaveCount(interfaces.Length);
        table.Rows.Select(r => r[2]!.Text).Should().BeEquivalentTo(interfaces.Select(i => i.Name));
        table.Rows.Should().OnlyContain(r => r.Columns.Keys.SequenceEqual(new uint[] { 1, 2, 6, 10 }));
        table.Rows.Should().OnlyContain(r => r[1]!.Value!.Equals(int.Parse(r.Index, global::System.Globalization.CultureInfo.InvariantCulture)));
        table.Rows.Select(r => int.Parse(r.Index, global::System.Globalization.CultureInfo.InvariantCulture)).Should().BeInAscendingOrder();
        table.Rows.Should().OnlyContain(r => r[10]!.Type == SnmpValueType.Counter32 && r[7] == null);
        var loopback = interfaces.Single(i => i.NetworkInterfaceType == NetworkInterfaceType.Loopback);
        table.Rows.Single(r => r[2]!.Text == loopback.Name)[6]!.Text.Should().BeEmpty();
        all.Rows.Select(r => r.Index).Should().Equal(table.Rows.Select(r => r.Index));
        all.Rows.Should().OnlyContain(r => r.Columns.Count == 22);
    }

    [SkippableFact]
    public async Task GetBulkAsync_NonRepeaterAndRepeater_InterleavesAsAsked()
    {
        using var client = new SnmpClient(SnmpTestAgent.Require(), TimeProvider.System);
        var ifDescr = await client.WalkAsync(IfEntry + ".2", CancellationToken.None);
        var after = await client.GetNextAsync([IfEntry + ".2"], CancellationToken.None);

        var bulk = await client.GetBulkAsync(1, 3, [System, IfEntry + ".2"], CancellationToken.None);

        bulk.Error.Should().BeNull();
        bulk.Variables.Select(v => v.Oid).Should().Equal(
            new[] { SysDescr }.Concat(ifDescr.Variables.Select(v => v.Oid).Concat(["1.3.6.1.2.1.2.2.1.3.1"]).Take(3)));
        after.Variables[0].Oid.Should().Be(ifDescr.Variables[0].Oid);
    }

    [SkippableFact]
    public async Task RestrictedCommunity_SeesTheSystemSubtreeOnly()
    {
        var agent = SnmpTestAgent.Require() with { Community = SnmpTestAgent.RestrictedCommunity };
        using var client = new SnmpClient(agent, TimeProvider.System);

        var result = await client.GetAsync([SysLocation, IfNumber], CancellationToken.None);
        var walk = await client.WalkAsync("1.3.6.1.2.1", CancellationToken.None);

        result.Variables[0].Value.Text.Should().Be(SnmpTestAgent.Location);
        result.Variables[1].Value.Type.Should().Be(SnmpValueType.NoSuchObject);
        walk.Error.Should().BeNull();
        walk.Variables.Should().NotBeEmpty().And.OnlyContain(v => SnmpOid.IsUnder(v.Oid, System));
    }

    [SkippableFact]
    public async Task WrongCommunity_TimesOutSayingWhy()
    {
        var agent = SnmpTestAgent.Require() with { Community = "not-the-community", Timeout = TimeSpan.FromMilliseconds(500) };
        using var client = new SnmpClient(agent, TimeProvider.System);
        var started = TimeProvider.System.GetTimestamp();

        var result = await client.GetAsync([SysDescr], CancellationToken.None);

        TimeProvider.System.GetElapsedTime(started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(490));
        result.Succeeded.Should().BeFalse();
        result.Variables.Should().BeEmpty();
        result.Error!.Kind.Should().Be(SnmpErrorKind.Timeout);
        result.Error.Message.Should().Be($"no answer from {agent.Endpoint} within 500 ms: the agent is down or the community is wrong");
    }

    [SkippableFact]
    public async Task WrongCommunityWithRetries_SaysHowOftenItWasSent()
    {
        var agent = SnmpTestAgent.Require() with { Community = "not-the-community", Timeout = TimeSpan.FromMilliseconds(200), Retries = 2 };
        using var client = new SnmpClient(agent, TimeProvider.System);

        var result = await client.WalkAsync(System, CancellationToken.None);

        result.Error!.Message.Should().Be($"no answer from {agent.Endpoint} within 200 ms (sent 3 times): the agent is down or the community is wrong");
    }

    [Fact]
    public async Task NothingListening_IsRefused()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, port), "public") { Timeout = TimeSpan.FromSeconds(5), Retries = 0 };
        using var client = new SnmpClient(agent, TimeProvider.System);
        var started = TimeProvider.System.GetTimestamp();

        var result = await client.GetAsync([SysDescr], CancellationToken.None);

        TimeProvider.System.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(4));
        result.Error!.Kind.Should().Be(SnmpErrorKind.Refused);
        result.Error.Message.Should().Be($"no SNMP agent at 127.0.0.1:{port}: connection refused (ICMP port unreachable)");
    }

    [SkippableFact]
    public async Task CallerCancels_Throws()
    {
        using var client = new SnmpClient(SnmpTestAgent.Require() with { Community = "not-the-community", Timeout = TimeSpan.FromSeconds(10) }, TimeProvider.System);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var get = () => client.GetAsync([SysDescr], cancel.Token);

        await get.Should().ThrowAsync<OperationCanceledException>();
    }

    [SkippableFact]
    public async Task ConcurrentRequests_EachGetsItsOwnAnswer()
    {
        using var client = new SnmpClient(SnmpTestAgent.Require(), TimeProvider.System);
        string[] oids = [SysDescr, "1.3.6.1.2.1.1.2.0", SysUpTime, "1.3.6.1.2.1.1.4.0", SysName, SysLocation, "1.3.6.1.2.1.1.7.0", IfNumber];

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.GetAsync([oids[i % oids.Length]], CancellationToken.None)));

        results.Select((r, i) => r.Variables.Single().Oid == oids[i % oids.Length]).Should().AllBeEquivalentTo(true);
        client.Dropped.Should().Be(0);
    }

    private static string RuntimeInformationName() => OperatingSystem.IsLinux() ? "Linux" : string.Empty;
}
