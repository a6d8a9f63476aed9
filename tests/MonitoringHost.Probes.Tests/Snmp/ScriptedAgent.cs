using System.Net;
using System.Net.Sockets;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Probes.Tests.Snmp;

/// <summary>
/// A UDP endpoint on 127.0.0.1 that answers each request it receives with what the test's script makes of it
/// (zero or more datagrams, encoded as SNMPv2c). For what snmpd cannot be made to do on demand: error-status
/// answers, stray answers, lost datagrams.
/// </summary>
internal sealed class ScriptedAgent : IDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly Task _serving;
    private readonly List<SnmpPdu> _received = [];

    public ScriptedAgent(Func<SnmpPdu, int, IEnumerable<SnmpPdu>> script)
    {
        _serving = ServeAsync(script);
    }

    public IPEndPoint Endpoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    public IReadOnlyList<SnmpPdu> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public void Dispose()
    {
        _udp.Dispose();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException e) when (e.InnerException is ObjectDisposedException or SocketException)
        {
            // The receive loop ends with the socket.
        }
    }

    private async Task ServeAsync(Func<SnmpPdu, int, IEnumerable<SnmpPdu>> script)
    {
        for (var count = 0; ; count++)
        {
            var request = await _udp.ReceiveAsync();
            var pdu = SnmpCodec.Decode(request.Buffer);
            lock (_received)
            {
                _received.Add(pdu);
            }

            foreach (var answer in script(pdu, count))
            {
                await _udp.SendAsync(SnmpCodec.Encode(answer), request.RemoteEndPoint);
            }
        }
    }
}
