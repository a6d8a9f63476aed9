using System.Net;
using System.Net.Sockets;

namespace MonitoringHost.Probes.Tcp;

/// <summary>
/// Opens a TCP connection to a host and port and closes it again, as Operations Manager's TCP port check does.
/// Every failure (name resolution, refusal, timeout, unreachable host) is a result with its status code; only the
/// caller's own cancellation ends a check with <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class TcpPortCheck(TimeProvider time)
{
    /// <summary>Close to the time Windows itself gives a connection attempt before it reports a timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public async Task<TcpPortCheckResult> CheckAsync(string serverName, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverName);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, IPEndPoint.MinPort + 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);

        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = time.GetTimestamp();
        TcpPortCheckResult Result(uint status, IPAddress? address, string? message) =>
            new(serverName, port, status, time.GetElapsedTime(started), address, message);

        IPAddress[] addresses;
        if (IPAddress.TryParse(serverName, out var literal))
        {
            addresses = [literal];
        }
        else
        {
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

        // Every address is tried in turn, as a Windows client does; the last failure is the one reported.
        (SocketException Error, IPAddress Address)? last = null;
        foreach (var address in addresses)
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            var attempt = time.GetTimestamp();
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), linked.Token).ConfigureAwait(false);

                // Close with a reset: the check needs nothing more, and neither side keeps a TIME_WAIT socket for
                // it (thousands of checks a second would otherwise pile them up on the monitored server).
                socket.LingerState = new LingerOption(true, 0);
                return new TcpPortCheckResult(serverName, port, TcpStatusCodes.Success, time.GetElapsedTime(attempt), address, null);
            }
            catch (SocketException e)
            {
                last = (e, address);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Result(TcpStatusCodes.TimedOut, address, $"connecting to {address}:{port} took longer than {timeout.TotalSeconds:0.###} s");
            }
        }

        var (error, failedAddress) = last!.Value;
        return Result(TcpStatusCodes.FromSocketError(error.SocketErrorCode), failedAddress, $"connecting to {failedAddress}:{port} failed: {error.Message}");
    }
}
