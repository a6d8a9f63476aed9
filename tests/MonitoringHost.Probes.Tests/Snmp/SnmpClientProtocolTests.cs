using System.Net;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Probes.Tests.Snmp;

/// <summary>What a real agent does only rarely: error-status answers, answers to other requests, lost datagrams.</summary>
public sealed class SnmpClientProtocolTests
{
    [Fact]
    public async Task ErrorStatus_NamesTheStatusAndTheFailingBinding()
    {
        using var agent = new ScriptedAgent((request, _) => [request with { Type = SnmpPduType.Response, ErrorStatus = (int)SnmpErrorStatus.GenErr, ErrorIndex = 2 }]);
        using var client = new SnmpClient(new SnmpAgent(agent.Endpoint, "public") { Timeout = TimeSpan.FromSeconds(5) }, TimeProvider.System);

        var result = await client.GetAsync(["1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.5.0"], CancellationToken.None);

        result.Error.Should().BeEquivalentTo(new SnmpError(SnmpErrorKind.ErrorStatus, $"{agent.Endpoint} answered genErr for variable binding 2 (1.3.6.1.2.1.1.5.0)")
        {
            Status = SnmpErrorStatus.GenErr,
            Index = 2,
            Oid = "1.3.6.1.2.1.1.5.0",
        });
        result.Variables.Should().BeEmpty();
    }

    [Fact]
    public async Task WalkAnsweredTooBig_AsksForFewerRepetitions()
    {
        using var agent = new ScriptedAgent((request, _) => request.ErrorIndex > 4
            ? [request with { Type = SnmpPduType.Response, ErrorStatus = (int)SnmpErrorStatus.TooBig, ErrorIndex = 0 }]
            : [request with
            {
                Type = SnmpPduType.Response,
                ErrorIndex = 0,
                Variables = request.Variables[0].Oid == "1.3.6.1.2.1.1"
                    ? [new("1.3.6.1.2.1.1.1.0", SnmpValue.OctetString("box")), new("1.3.6.1.2.1.1.3.0", SnmpValue.TimeTicks(4200)), new("1.3.6.1.2.1.2.1.0", SnmpValue.Integer(2))]
                    : [new("1.3.6.1.2.1.1.1.0", SnmpValue.OctetString("box"))],
            }]);
        using var client = new SnmpClient(new SnmpAgent(agent.Endpoint, "public") { Timeout = TimeSpan.FromSeconds(5), MaxRepetitions = 10 }, TimeProvider.System);

        var walk = await client.WalkAsync("1.3.6.1.2.1.1", CancellationToken.None);

        walk.Error.Should().BeNull();
        walk.Variables.Select(v => v.ToString()).Should().Equal("1.3.6.1.2.1.1.1.0 = OctetString: box", "1.3.6.1.2.1.1.3.0 = TimeTicks: 00:00:42.00");
        agent.Received.Select(r => r.ErrorIndex).Should().Equal(10, 5, 2);
    }

    [Fact]
    public async Task WalkThatGoesBackwards_StopsWithAnError()
    {
        using var agent = new ScriptedAgent((request, _) => [request with
        {
            Type = SnmpPduType.Response,
            ErrorIndex = 0,
            Variables = [new("1.3.6.1.2.1.1.5.0", SnmpValue.Integer(1)), new("1.3.6.1.2.1.1.4.0", SnmpValue.Integer(2))],
        }]);
        using var client = new SnmpClient(new SnmpAgent(agent.Endpoint, "public") { Timeout = TimeSpan.FromSeconds(5) }, TimeProvider.System);

        var walk = await client.WalkAsync("1.3.6.1.2.1.1", CancellationToken.None);

        walk.Variables.Select(v => v.Oid).Should().Equal("1.3.6.1.2.1.1.5.0");
        walk.Error!.Kind.Should().Be(SnmpErrorKind.NotIncreasing);
        walk.Error.Message.Should().Be($"{agent.Endpoint} answered 1.3.6.1.2.1.1.4.0 after 1.3.6.1.2.1.1.5.0: OIDs of a walk must increase");
    }

    [Fact]
    public async Task AnswerToAnotherRequestId_IsDroppedAndTheRightOneTaken()
    {
        using var agent = new ScriptedAgent((request, _) =>
        [
            request with { Type = SnmpPduType.Response, RequestId = request.RequestId + 7, Variables = [new(request.Variables[0].Oid, SnmpValue.Integer(-1))] },
            request with { Type = SnmpPduType.Response, Variables = [new(request.Variables[0].Oid, SnmpValue.Integer(42))] },
        ]);
        using var client = new SnmpClient(new SnmpAgent(agent.Endpoint, "public") { Timeout = TimeSpan.FromSeconds(5) }, TimeProvider.System);

        var result = await client.GetAsync(["1.3.6.1.2.1.2.1.0"], CancellationToken.None);

        result.Variables.Single().Value.Should().Be(SnmpValue.Integer(42));
        await WaitUntilAsync(() => client.Dropped == 1);
    }

    [Fact]
    public async Task LostRequest_IsSentAgainWithTheSameRequestId()
    {
        using var agent = new ScriptedAgent((request, count) => count == 0
            ? []
            : [request with { Type = SnmpPduType.Response, Variables = [new(request.Variables[0].Oid, SnmpValue.Gauge32(7))] }]);
        using var client = new SnmpClient(new SnmpAgent(agent.Endpoint, "c0mmunity") { Timeout = TimeSpan.FromMilliseconds(200), Retries = 1 }, TimeProvider.System);

        var result = await client.GetAsync(["1.3.6.1.2.1.2.2.1.5.1"], CancellationToken.None);

        result.Variables.Single().Value.Should().Be(SnmpValue.Gauge32(7));
        agent.Received.Should().HaveCount(2);
        agent.Received.Select(r => r.RequestId).Distinct().Should().ContainSingle();
        agent.Received.Should().OnlyContain(r => r.Community == "c0mmunity" && r.Type == SnmpPduType.GetRequest);
    }

    [Fact]
    public async Task BadOid_IsRejectedBeforeAnythingIsSent()
    {
        using var client = new SnmpClient(new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 9), "public"), TimeProvider.System);

        var get = () => client.GetAsync(["SNMPv2-MIB::sysDescr.0"], CancellationToken.None);

        await get.Should().ThrowAsync<ArgumentException>().WithMessage("'SNMPv2-MIB::sysDescr.0' is not an object identifier: 'SNMPv2-MIB::sysDescr' is not a sub-identifier*");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        condition().Should().BeTrue();
    }
}
