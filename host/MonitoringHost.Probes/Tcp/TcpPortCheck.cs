using System.Net;
using System.Net.Sockets;

namespace MonitoringHost.Probes.Tcp;

/// <summary>
/// Opens a TCP connection to a host and port and closes it again, as Operations Manager's TCP port check does.
/// Every failure (name resolution, refusal, timeout, unreachable host) is a result with its status code; only the
/// caller's own cancellation ends a check with <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class TcpPortCheck
{
    /// <summary>Close to the time Windows itself gives a connection attempt before it reports a timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly TimeProvider _time;
    private readonly TcpConnector _connector;

    public TcpPortCheck(TimeProvider time)
        : this(time, TcpConnector.Platform)
    {
    }

    internal TcpPortCheck(TimeProvider time, TcpConnector connector)
    {
        _time = time;
        _connector = connector;
    }

    public async Task<TcpPortCheckResult> CheckAsync(string serverName, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverName);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, IPEndPoint.MinPort + 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);

        var started = _time.GetTimestamp();
        TcpPortCheckResult Result(uint status, IPAddress? address, string? message) =>
            new(serverName, port, status, _time.GetElapsedTime(started), address, message);

        IPAddress[] addresses;
        if (IPAddress.TryParse(serverName, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            using var deadline = new CancellationTokenSource(timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                addresses = await Dns.GetHostAddressesAsync(serverName, linked.Token).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                return Result(TcpStatusCodes.FromSocketError(e.SocketErrorCode), null, $"{serverName} could not be resolved: {e.Message}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Result(TcpStatusCodes.TimedOut, null, $"resolving {serverName} took longer than {timeout.TotalSeconds:0.###} s");
            }

            if (addresses.Length == 0)
            {
                return Result(TcpStatusCodes.HostNotFound, null, $"{serverName} has no addresses");
            }
        }

        // Every address is tried in turn, as a Windows client does, within what is left of the timeout; the last
        // failure is the one reported. A connection is closed with a reset: the check needs nothing more, and
        // neither side keeps a TIME_WAIT socket for it (thousands of checks a second would pile them up on the
        // monitored server).
        var error = SocketError.HostNotFound;
        IPAddress? failedAddress = null;
        foreach (var address in addresses)
        {
            var left = timeout - _time.GetElapsedTime(started);
            var attempt = _time.GetTimestamp();
            error = left > TimeSpan.Zero
                ? await _connector.ConnectAsync(new IPEndPoint(address, port), left, _time, cancellationToken).ConfigureAwait(false)
                : SocketError.TimedOut;
            failedAddress = address;
            if (error == SocketError.Success)
            {
                return new TcpPortCheckResult(serverName, port, TcpStatusCodes.Success, _time.GetElapsedTime(attempt), address, null);
            }

            if (error == SocketError.TimedOut)
            {
                return Result(TcpStatusCodes.TimedOut, address, $"connecting to {address}:{port} took longer than {timeout.TotalSeconds:0.###} s");
            }
        }

        return Result(TcpStatusCodes.FromSocketError(error), failedAddress, $"connecting to {failedAddress}:{port} failed: {new SocketException((int)error).Message}");
    }
}
