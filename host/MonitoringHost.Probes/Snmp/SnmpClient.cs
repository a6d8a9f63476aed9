using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Formats.Asn1;
using System.Globalization;
using System.Net.Sockets;

namespace MonitoringHost.Probes.Snmp;

/// <summary>
/// An SNMPv2c client for one agent: GET, GETNEXT, GETBULK, walks and table reads over one connected UDP socket.
/// Requests may run concurrently; answers are matched to them by request id. Each attempt waits
/// <see cref="SnmpAgent.Timeout"/> and is sent again <see cref="SnmpAgent.Retries"/> times. A failure of the agent's
/// side (no answer, port unreachable, an error-status) is an <see cref="SnmpError"/> in the result; only the caller's
/// own cancellation throws.
/// </summary>
public sealed partial class SnmpClient : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Socket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<SnmpPdu>> _pending = new();
    private readonly Task _receiving;
    private int _nextRequestId = Random.Shared.Next(1, int.MaxValue / 2);
    private long _dropped;
    private volatile bool _disposed;

    public SnmpClient(SnmpAgent agent, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(agent.Endpoint);
        ArgumentNullException.ThrowIfNull(agent.Community);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(agent.Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(agent.Retries);
        ArgumentOutOfRangeException.ThrowIfLessThan(agent.MaxRepetitions, 1);
        Agent = agent;
        _time = time;

        // A connected socket takes datagrams from the agent's address only and is told of ICMP port unreachable.
        _socket = new Socket(agent.Endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Connect(agent.Endpoint);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        _receiving = Task.Run(ReceiveAsync);
    }

    public SnmpAgent Agent { get; }

    /// <summary>Datagrams that could not be read as SNMPv2c or answered no request still waiting (late answers to a retried request).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>GET of one or more object instances; a missing one comes back as noSuchObject or noSuchInstance.</summary>
    public Task<SnmpResult> GetAsync(IReadOnlyList<string> oids, CancellationToken cancellationToken) =>
        RequestAsync(SnmpPduType.GetRequest, oids, 0, 0, cancellationToken);

    /// <summary>GETNEXT: for each OID, the first object instance after it (or endOfMibView).</summary>
    public Task<SnmpResult> GetNextAsync(IReadOnlyList<string> oids, CancellationToken cancellationToken) =>
        RequestAsync(SnmpPduType.GetNextRequest, oids, 0, 0, cancellationToken);

    /// <summary>
    /// GETBULK: one GETNEXT for each of the first <paramref name="nonRepeaters"/> OIDs, then up to
    /// <paramref name="maxRepetitions"/> successors of each of the others, interleaved as the agent sends them.
    /// </summary>
    public Task<SnmpResult> GetBulkAsync(int nonRepeaters, int maxRepetitions, IReadOnlyList<string> oids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oids);
        ArgumentOutOfRangeException.ThrowIfNegative(nonRepeaters);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nonRepeaters, oids.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRepetitions);
        return RequestAsync(SnmpPduType.GetBulkRequest, oids, nonRepeaters, maxRepetitions, cancellationToken);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _socket.Dispose();
        Fail(new ObjectDisposedException(nameof(SnmpClient)));
    }

    private async Task<SnmpResult> RequestAsync(SnmpPduType type, IReadOnlyList<string> oids, int first, int second, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oids);
        ArgumentOutOfRangeException.ThrowIfZero(oids.Count);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var variables = oids.Select(oid => new SnmpVariable(SnmpOid.Normalize(oid), SnmpValue.Null)).ToImmutableArray();

        var requestId = NextRequestId();
        var datagram = SnmpCodec.Encode(new SnmpPdu(type, Agent.Community, requestId, first, second, variables));
        var answer = new TaskCompletionSource<SnmpPdu>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[requestId] = answer;
        try
        {
            for (var attempt = 0; attempt <= Agent.Retries; attempt++)
            {
                await _socket.SendAsync(datagram, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                try
                {
                    var response = await answer.Task.WaitAsync(Agent.Timeout, _time, cancellationToken).ConfigureAwait(false);
                    return Read(response, variables);
                }
                catch (TimeoutException)
                {
                    // Sent again with the same request id: an answer to any of the attempts will do.
                }
            }

            var sent = Agent.Retries == 0 ? string.Empty : $" (sent {Agent.Retries + 1} times)";
            return SnmpResult.Failed(new SnmpError(
                SnmpErrorKind.Timeout,
                $"no answer from {Agent.Endpoint} within {Milliseconds(Agent.Timeout)} ms{sent}: the agent is down or the community is wrong"));
        }
        catch (SocketException e)
        {
            return SnmpResult.Failed(NetworkError(e));
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    private SnmpResult Read(SnmpPdu response, ImmutableArray<SnmpVariable> requested)
    {
        if (response.ErrorStatus == 0)
        {
            return new SnmpResult(response.Variables, null);
        }

        var status = (SnmpErrorStatus)response.ErrorStatus;
        var index = response.ErrorIndex;
        var oid = index >= 1 && index <= requested.Length ? requested[index - 1].Oid : null;
        var name = Enum.IsDefined(status)
            ? char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..]
            : "error-status " + response.ErrorStatus.ToString(CultureInfo.InvariantCulture);
        var binding = oid is null ? string.Empty : $" for variable binding {index} ({oid})";
        return SnmpResult.Failed(new SnmpError(SnmpErrorKind.ErrorStatus, $"{Agent.Endpoint} answered {name}{binding}")
        {
            Status = status,
            Index = index,
            Oid = oid,
        });
    }

    private SnmpError NetworkError(SocketException e) => e.SocketErrorCode == SocketError.ConnectionRefused
        ? new SnmpError(SnmpErrorKind.Refused, $"no SNMP agent at {Agent.Endpoint}: connection refused (ICMP port unreachable)")
        : new SnmpError(SnmpErrorKind.Network, $"sending to {Agent.Endpoint} failed: {e.Message}");

    private async Task ReceiveAsync()
    {
        var buffer = new byte[65535];
        while (true)
        {
            int received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.OperationAborted || _disposed)
            {
                return;
            }
            catch (SocketException e)
            {
                // An ICMP error (port unreachable, host unreachable) is the socket's error for whatever waits now.
                Fail(e);
                continue;
            }

            SnmpPdu response;
            try
            {
                response = SnmpCodec.Decode(buffer.AsMemory(0, received));
            }
            catch (Exception e) when (e is AsnContentException or FormatException or OverflowException)
            {
                Interlocked.Increment(ref _dropped);
                continue;
            }

            if (response.Type != SnmpPduType.Response || !_pending.TryGetValue(response.RequestId, out var answer) || !answer.TrySetResult(response))
            {
                Interlocked.Increment(ref _dropped);
            }
        }
    }

    private void Fail(Exception e)
    {
        foreach (var answer in _pending.Values)
        {
            answer.TrySetException(e);
        }
    }

    private int NextRequestId()
    {
        var id = Interlocked.Increment(ref _nextRequestId) & int.MaxValue;
        return id == 0 ? Interlocked.Increment(ref _nextRequestId) & int.MaxValue : id;
    }

    private static string Milliseconds(TimeSpan span) => span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
}
