using System.Collections.Concurrent;

namespace MonitoringHost.Runtime.Modules;

/// <summary>
/// How many probes may be in flight at once: per protocol (<c>tcp</c>, <c>http</c>, <c>icmp</c>…) over all remote hosts,
/// and per remote host within a protocol, so that a thousand workflows on one server never open a thousand
/// connections to it at once and one protocol's slow hosts cannot take every slot. A probe waits for both slots.
/// </summary>
public sealed class ProbeLimits(int perProtocol = 512, int perHost = 64)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _protocols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Protocol, string Host), SemaphoreSlim> _hosts = new();

    public int PerProtocol { get; } = perProtocol > 0 ? perProtocol : throw new ArgumentOutOfRangeException(nameof(perProtocol));

    public int PerHost { get; } = perHost > 0 ? perHost : throw new ArgumentOutOfRangeException(nameof(perHost));

    /// <summary>Waits for a slot for <paramref name="protocol"/> and one for <paramref name="host"/>; dispose the result to give both back.</summary>
    public async ValueTask<Slot> EnterAsync(string protocol, string host, CancellationToken cancellationToken)
    {
        var all = _protocols.GetOrAdd(protocol, _ => new SemaphoreSlim(PerProtocol));
        var one = _hosts.GetOrAdd((protocol, host.ToUpperInvariant()), _ => new SemaphoreSlim(PerHost));

        // The host's slot first: a probe queued behind a busy host must not hold a slot other hosts could use.
        await one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await all.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            one.Release();
            throw;
        }

        return new Slot(all, one);
    }

    /// <summary>The probe slots of one protocol currently taken (for metrics and tests).</summary>
    public int InUse(string protocol) => _protocols.TryGetValue(protocol, out var all) ? PerProtocol - all.CurrentCount : 0;

    /// <summary>A protocol slot and a host slot, given back together.</summary>
    public readonly struct Slot(SemaphoreSlim protocol, SemaphoreSlim host) : IDisposable
    {
        public void Dispose()
        {
            host.Release();
            protocol.Release();
        }
    }
}
