using System.Net;
using System.Net.Sockets;

namespace MonitoringHost.Probes.Tcp;

/// <summary>
/// Opens one TCP connection and closes it again with a reset; says how the attempt ended as a
/// <see cref="SocketError"/> rather than an exception, so refusals and timeouts cost no more than successes.
/// </summary>
internal abstract class TcpConnector
{
    /// <summary>The connector for this platform: Linux's own sockets where they can be used directly, else .NET's.</summary>
    public static TcpConnector Platform { get; } = LinuxTcpConnector.IsSupported ? new LinuxTcpConnector() : new SocketTcpConnector();

    /// <summary>
    /// <see cref="SocketError.Success"/>, the error the attempt ended with, or <see cref="SocketError.TimedOut"/>
    /// once <paramref name="timeout"/> has passed. Only <paramref name="cancellationToken"/> ends it with
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public abstract ValueTask<SocketError> ConnectAsync(IPEndPoint endpoint, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken);
}

/// <summary>The portable connector, on <see cref="Socket.ConnectAsync(EndPoint, CancellationToken)"/>.</summary>
internal sealed class SocketTcpConnector : TcpConnector
{
    public override async ValueTask<SocketError> ConnectAsync(IPEndPoint endpoint, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint, linked.Token).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SocketError.TimedOut;
        }

        socket.LingerState = new LingerOption(true, 0);
        return SocketError.Success;
    }
}
