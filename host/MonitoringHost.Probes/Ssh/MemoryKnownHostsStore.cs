using System.Collections.Concurrent;

namespace MonitoringHost.Probes.Ssh;

/// <summary>Pinned host keys kept in memory only: for tools and tests; a management server keeps its pins in a file.</summary>
public sealed class MemoryKnownHostsStore : IKnownHostsStore
{
    private readonly ConcurrentDictionary<string, SshHostKey> _keys = new(StringComparer.OrdinalIgnoreCase);

    public ValueTask<SshHostKey?> FindAsync(string endpoint, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_keys.TryGetValue(endpoint, out var key) ? key : null);

    public ValueTask<SshHostKey> PinAsync(string endpoint, SshHostKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_keys.GetOrAdd(endpoint, key));
}
