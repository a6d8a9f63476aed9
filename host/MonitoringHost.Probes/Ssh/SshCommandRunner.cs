using System.Collections.Concurrent;
using System.Net;

namespace MonitoringHost.Probes.Ssh;

/// <summary>
/// Runs commands on remote hosts over SSH (SSH.NET). Connections are pooled: one per host, port and credential,
/// opened on first use and opened again after they drop, each running at most ten commands at a time (more wait).
/// Host keys are checked against an <see cref="IKnownHostsStore"/>: an unknown key is refused unless the request
/// allows trust on first use (then it is pinned), a changed key is always refused. Every failure of the remote side
/// is a result with a <see cref="SshCommandStatus"/> and a message; only the caller's own cancellation throws.
/// </summary>
public sealed class SshCommandRunner : IDisposable
{
    private readonly IKnownHostsStore _knownHosts;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<SshConnection>> _connections = new(StringComparer.Ordinal);
    private bool _disposed;

    public SshCommandRunner(IKnownHostsStore knownHosts, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(knownHosts);
        ArgumentNullException.ThrowIfNull(time);
        _knownHosts = knownHosts;
        _time = time;
    }

    /// <summary>The pooled connections (one per host, port and credential ever used), open or not.</summary>
    public int ConnectionCount => _connections.Count;

    public Task<SshCommandResult> RunAsync(SshCommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Host);
        ArgumentNullException.ThrowIfNull(request.Credential);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Command);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Port, IPEndPoint.MinPort + 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.ConnectTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.CommandTimeout, TimeSpan.Zero);
        ObjectDisposedException.ThrowIf(_disposed, this);

        return ConnectionFor(request).RunAsync(request, cancellationToken);
    }

    /// <summary>The pooled connection a request runs on (tests drop it to see it opened again).</summary>
    internal SshConnection ConnectionFor(SshCommandRequest request) =>
        _connections.GetOrAdd(
            request.Endpoint + "\n" + request.Credential.Identity(),
            _ => new Lazy<SshConnection>(() => new SshConnection(request.Host, request.Port, request.Credential, _knownHosts, _time))).Value;

    public void Dispose()
    {
        _disposed = true;
        foreach (var connection in _connections.Values.Where(c => c.IsValueCreated))
        {
            connection.Value.Dispose();
        }

        _connections.Clear();
    }
}
