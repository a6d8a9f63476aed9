using System.Net;
using Microsoft.Extensions.Logging;
using MonitoringHost.Probes.Snmp;

namespace MonitoringHost.Runtime.Modules.Snmp;

/// <summary>
/// The one SNMP trap listener of a management server: binds a UDP endpoint (162, the standard port, needs root or
/// <c>CAP_NET_BIND_SERVICE</c>; a test uses a free loopback port), answers informs, and hands each v2c trap or inform
/// to <paramref name="deliver"/> in the order they arrived (the server offers it to the workflows, whose trap
/// sources keep those from their device with their community). A delivery that fails is logged and the next trap is
/// read.
/// </summary>
public sealed partial class SnmpTrapReceiver : IAsyncDisposable
{
    private readonly SnmpTrapListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _received;

    private SnmpTrapReceiver(SnmpTrapListener listener, Func<SnmpTrap, CancellationToken, Task> deliver, ILogger logger)
    {
        _listener = listener;
        _loop = Task.Run(() => _listener.ForEachAsync(
            async (trap, token) =>
            {
                Interlocked.Increment(ref _received);
                try
                {
                    await deliver(trap, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // One trap that cannot be delivered must not stop the listener; it is logged.
                catch (Exception failure)
#pragma warning restore CA1031
                {
                    LastFailure = $"{failure.GetType().Name}: {failure.Message}";
                    LogDeliveryFailed(logger, trap.Source, failure.Message);
                }
            },
            _stop.Token));
    }

    /// <summary>The endpoint bound (with the port the system chose when 0 was asked for).</summary>
    public IPEndPoint LocalEndpoint => _listener.LocalEndpoint;

    /// <summary>Why the last trap that could not be handed on failed, or null.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Traps and informs received.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Datagrams that were not v2c notifications (SNMPv1 traps, v3, garbage).</summary>
    public long Rejected => _listener.Rejected;

    /// <summary>Binds <paramref name="endpoint"/>; a port in use or not permitted throws <see cref="System.Net.Sockets.SocketException"/>.</summary>
    public static SnmpTrapReceiver Start(IPEndPoint endpoint, Func<SnmpTrap, CancellationToken, Task> deliver, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(deliver);
        ArgumentNullException.ThrowIfNull(logger);
        return new SnmpTrapReceiver(SnmpTrapListener.Start(endpoint, time), deliver, logger);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    [LoggerMessage(EventId = 4300, Level = LogLevel.Warning, Message = "An SNMP trap from {Source} could not be handed to the workflows: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, IPEndPoint source, string reason);
}
