using System.Net;
using System.Net.Sockets;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Probes.Tests.Snmp;

/// <summary>The trap listener receiving what net-snmp's snmptrap and snmpinform send.</summary>
public sealed class SnmpTrapListenerTests
{
    private const string LinkUp = "1.3.6.1.6.3.1.1.5.4";
    private const string LinkDown = "1.3.6.1.6.3.1.1.5.3";

    [SkippableFact]
    public async Task Trap_FromSnmptrap_IsParsed()
    {
        using var listener = SnmpTrapListener.Start(new IPEndPoint(IPAddress.Loopback, 0), TimeProvider.System);

        var (exitCode, output) = await SnmpTestAgent.RunToolAsync(
            "snmptrap", "-v", "2c", "-c", "public", listener.LocalEndpoint.ToString(), "", LinkDown, "1.3.6.1.2.1.2.2.1.1.2", "i", "2");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var trap = await listener.Traps.ReadAsync(wait.Token);

        exitCode.Should().Be(0, output);
        trap.Source.Address.Should().Be(IPAddress.Loopback);
        trap.Community.Should().Be("public");
        trap.Type.Should().Be(SnmpPduType.Trap);
        trap.IsInform.Should().BeFalse();
        trap.TrapOid.Should().Be(LinkDown);
        trap.SysUpTime.Should().BePositive();
        trap.Variables.Should().Equal(new SnmpVariable("1.3.6.1.2.1.2.2.1.1.2", SnmpValue.Integer(2)));
        trap.ReceivedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10));
        listener.Rejected.Should().Be(0);
    }

    [SkippableFact]
    public async Task Inform_FromSnmpinform_IsAnsweredAndParsed()
    {
        using var listener = SnmpTrapListener.Start(new IPEndPoint(IPAddress.Loopback, 0), TimeProvider.System);
        var received = new List<SnmpTrap>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reading = listener.ForEachAsync(
            (trap, _) =>
            {
                lock (received)
                {
                    received.Add(trap);
                }

                stop.Cancel();
                return ValueTask.CompletedTask;
            },
            stop.Token);

        // snmpinform exits 0 only when the Response arrives; -r 0 sends the inform once.
        var (exitCode, output) = await SnmpTestAgent.RunToolAsync(
            "snmpinform", "-v", "2c", "-c", "informs", "-t", "3", "-r", "0", listener.LocalEndpoint.ToString(), "4242", LinkUp,
            "1.3.6.1.2.1.2.2.1.2.1", "s", "lo", "1.3.6.1.2.1.2.2.1.10.1", "c", "99");
        var ended = async () => await reading;

        exitCode.Should().Be(0, output);
        await ended.Should().ThrowAsync<OperationCanceledException>();
        var inform = received.Should().ContainSingle().Subject;
        inform.IsInform.Should().BeTrue();
        inform.Community.Should().Be("informs");
        inform.SysUpTime.Should().Be(TimeSpan.FromSeconds(42.42));
        inform.TrapOid.Should().Be(LinkUp);
        inform.Variables.Should().Equal(
            new SnmpVariable("1.3.6.1.2.1.2.2.1.2.1", SnmpValue.OctetString("lo")),
            new SnmpVariable("1.3.6.1.2.1.2.2.1.10.1", SnmpValue.Counter32(99)));
    }

    [Fact]
    public async Task NotANotification_IsRejectedWithItsReason()
    {
        using var listener = SnmpTrapListener.Start(new IPEndPoint(IPAddress.Loopback, 0), TimeProvider.System);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        await sender.SendToAsync(new byte[] { 1, 2, 3 }, listener.LocalEndpoint);
        await sender.SendToAsync(SnmpCodec.Encode(new SnmpPdu(SnmpPduType.GetRequest, "public", 5, 0, 0, [new("1.3.6.1.2.1.1.1.0", SnmpValue.Null)])), listener.LocalEndpoint);
        for (var i = 0; i < 100 && listener.Rejected < 2; i++)
        {
            await Task.Delay(20);
        }

        listener.Rejected.Should().Be(2);
        listener.LastRejection.Should().Be($"GetRequest from 127.0.0.1:{((IPEndPoint)sender.LocalEndPoint!).Port} is not a notification");
        listener.Traps.TryRead(out _).Should().BeFalse();
    }
}
