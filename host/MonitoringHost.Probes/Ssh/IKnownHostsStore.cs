namespace MonitoringHost.Probes.Ssh;

/// <summary>The host keys pinned per <c>host:port</c> (see <see cref="SshHostKey.Endpoint"/>).</summary>
public interface IKnownHostsStore
{
    /// <summary>The key pinned for the endpoint, or null when there is none.</summary>
    ValueTask<SshHostKey?> FindAsync(string endpoint, CancellationToken cancellationToken);

    /// <summary>
    /// Pins <paramref name="key"/> for the endpoint unless a key is pinned already; returns the key pinned afterwards
    /// (so a caller that raced another one sees the winner and can compare).
    /// </summary>
    ValueTask<SshHostKey> PinAsync(string endpoint, SshHostKey key, CancellationToken cancellationToken);
}
