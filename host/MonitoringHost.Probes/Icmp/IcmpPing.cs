using System.Collections.Immutable;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace MonitoringHost.Probes.Icmp;

/// <summary>
/// Sends ICMP echo requests and reports each answer. Where the process may not send ICMP (no raw socket, no
/// unprivileged ping), each echo carries the platform's reason; only the caller's own cancellation throws.
/// </summary>
public sealed class IcmpPing(TimeProvider time)
{
    public async Task<IcmpPingResult> PingAsync(IcmpPingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Host);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Echoes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.Timeout, TimeSpan.Zero);

        var address = await ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        if (address.Address is null)
        {
            return new IcmpPingResult(request.Host, null, [], address.Problem);
        }

        var buffer = new byte[request.PayloadBytes];
        var echoes = ImmutableArray.CreateBuilder<IcmpEcho>(request.Echoes);
        using var ping = new Ping();
        for (var sequence = 1; sequence <= request.Echoes; sequence++)
        {
            if (sequence > 1 && request.Interval > TimeSpan.Zero)
            {
                await Task.Delay(request.Interval, time, cancellationToken).ConfigureAwait(false);
            }

            echoes.Add(await EchoAsync(ping, address.Address, sequence, buffer, request.Timeout, cancellationToken).ConfigureAwait(false));
        }

        return new IcmpPingResult(request.Host, address.Address, echoes.MoveToImmutable(), null);
    }

    private static async Task<IcmpEcho> EchoAsync(Ping ping, IPAddress address, int sequence, byte[] buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await ping.SendPingAsync(address, timeout, buffer, null, cancellationToken).ConfigureAwait(false);
            return reply.Status == IPStatus.Success
                ? new IcmpEcho(sequence, reply.Status, TimeSpan.FromMilliseconds(reply.RoundtripTime), null)
                : new IcmpEcho(sequence, reply.Status, TimeSpan.Zero, $"echo {sequence} to {address}: {reply.Status}");
        }
        catch (PingException e)
        {
            // PingException wraps the platform's reason (a denied socket, a missing ping utility) in a generic message.
            var reason = e.InnerException?.Message ?? e.Message;
            return new IcmpEcho(sequence, IPStatus.Unknown, TimeSpan.Zero, $"echo {sequence} to {address} could not be sent: {reason}");
        }
    }

    private async Task<(IPAddress? Address, string? Problem)> ResolveAsync(IcmpPingRequest request, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(request.Host, out var literal))
        {
            return (literal, null);
        }

        using var deadline = new CancellationTokenSource(request.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(request.Host, linked.Token).ConfigureAwait(false);

            // IPv4 first: it is what "ping host" answers with on the servers packs watch.
            var address = addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault();
            return address is null ? (null, $"{request.Host} has no addresses") : (address, null);
        }
        catch (SocketException e)
        {
            return (null, $"{request.Host} could not be resolved: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"resolving {request.Host} took longer than {request.Timeout.TotalSeconds:0.###} s");
        }
    }
}
