using System.Collections.Immutable;
using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace MonitoringHost.Probes.Snmp;

/// <summary>
/// Receives SNMPv2c Trap-PDUs and InformRequests on a UDP endpoint and hands them out on <see cref="Traps"/>;
/// an inform is answered with a Response carrying its request id and variable bindings, as the sender waits for
/// that. Datagrams that are not v2c notifications are counted in <see cref="Rejected"/>, the last reason in
/// <see cref="LastRejection"/>. When readers fall behind by <see cref="Capacity"/> traps, receiving waits and the
/// kernel's socket buffer takes the rest.
/// </summary>
public sealed class SnmpTrapListener : IDisposable
{
    public const int Capacity = 4096;

    private readonly Socket _socket;
    private readonly TimeProvider _time;
    private readonly Channel<SnmpTrap> _traps = Channel.CreateBounded<SnmpTrap>(new BoundedChannelOptions(Capacity)
    {
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private long _rejected;
    private volatile string? _lastRejection;

    private SnmpTrapListener(Socket socket, TimeProvider time)
    {
        _socket = socket;
        _time = time;
        LocalEndpoint = (IPEndPoint)socket.LocalEndPoint!;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>The endpoint bound, with the port the system chose when 0 was asked for.</summary>
    public IPEndPoint LocalEndpoint { get; }

    /// <summary>Notifications in the order they arrived; completed when the listener is disposed.</summary>
    public ChannelReader<SnmpTrap> Traps => _traps.Reader;

    public long Rejected => Interlocked.Read(ref _rejected);

    public string? LastRejection => _lastRejection;

    /// <summary>Binds <paramref name="endpoint"/> (162 is the standard port; a test or an unprivileged host uses another).</summary>
    public static SnmpTrapListener Start(IPEndPoint endpoint, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(time);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(endpoint);
            return new SnmpTrapListener(socket, time);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Calls <paramref name="onTrap"/> for each notification until the listener is disposed or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task ForEachAsync(Func<SnmpTrap, CancellationToken, ValueTask> onTrap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onTrap);
        await foreach (var trap in _traps.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await onTrap(trap, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        _socket.Dispose();
        _traps.Writer.TryComplete();
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[65535];
        var token = _stop.Token;
        EndPoint any = new IPEndPoint(LocalEndpoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!token.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || token.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                // An ICMP error from an earlier inform answer (the sender has gone): nothing to do for that one.
                Reject($"receiving failed: {e.Message}");
                continue;
            }

            var source = (IPEndPoint)received.RemoteEndPoint;
            SnmpPdu pdu;
            try
            {
                pdu = SnmpCodec.Decode(buffer.AsMemory(0, received.ReceivedBytes));
            }
            catch (Exception e) when (e is AsnContentException or FormatException or OverflowException)
            {
                Reject($"datagram from {source} is not an SNMPv2c message: {e.Message}");
                continue;
            }

            if (pdu.Type is not (SnmpPduType.Trap or SnmpPduType.InformRequest))
            {
                Reject($"{pdu.Type} from {source} is not a notification");
                continue;
            }

            if (pdu.Type == SnmpPduType.InformRequest && !await AnswerAsync(pdu, source, token).ConfigureAwait(false))
            {
                return;
            }

            try
            {
                await _traps.Writer.WriteAsync(ToTrap(pdu, source), token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                return;
            }
        }
    }

    private async Task<bool> AnswerAsync(SnmpPdu inform, IPEndPoint source, CancellationToken token)
    {
        var response = SnmpCodec.Encode(inform with { Type = SnmpPduType.Response, ErrorStatus = 0, ErrorIndex = 0 });
        try
        {
            await _socket.SendToAsync(response, SocketFlags.None, source, token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
        catch (SocketException e)
        {
            Reject($"answering the inform of {source} failed: {e.Message}");
            return true;
        }
    }

    private SnmpTrap ToTrap(SnmpPdu pdu, IPEndPoint source)
    {
        // RFC 3416: the first two bindings are sysUpTime.0 and snmpTrapOID.0; a sender that leaves them out still
        // gets its bindings through.
        var variables = pdu.Variables;
        TimeSpan? upTime = null;
        string? trapOid = null;
        if (variables.Length > 0 && variables[0].Oid == SnmpTrap.SysUpTimeOid && variables[0].Value.Value is TimeSpan ticks)
        {
            upTime = ticks;
            variables = variables.RemoveAt(0);
        }

        if (variables.Length > 0 && variables[0].Oid == SnmpTrap.SnmpTrapOid && variables[0].Value.Value is string oid)
        {
            trapOid = oid;
            variables = variables.RemoveAt(0);
        }

        return new SnmpTrap(source, pdu.Community, pdu.Type, upTime, trapOid, variables, _time.GetUtcNow());
    }

    private void Reject(string reason)
    {
        Interlocked.Increment(ref _rejected);
        _lastRejection = reason;
    }
}
