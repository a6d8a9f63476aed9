using System.Collections.Concurrent;

namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// Reachability per (protocol, <c>host:port</c>), reported by the protocol modules after each attempt. A failure to
/// reach the computer at all (no answer, refused, unreachable) puts it in backoff: the first wait is
/// <see cref="FirstBackoff"/>, doubling with each failure after a wait is over up to <see cref="MaxBackoff"/> (failures
/// within one wait are the same outage: attempts that started together count once). During it
/// <see cref="Check"/> throws <see cref="RemoteHostUnavailableException"/> for every workflow but the availability
/// check (which asks with <c>force</c>), so a computer that stops answering costs one probe per backoff period, not
/// one timeout per workflow, and gets one availability state instead of an alert from each monitor. A failure after
/// the computer answered (wrong credentials, an unknown host key, a fault) is recorded but does not back off: the
/// computer is there, and each workflow reports its own problem.
/// </summary>
public sealed class RemoteReachability(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Protocol, string Host), RemoteHostState> _states = new();

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Every (protocol, host) reported so far.</summary>
    public IReadOnlyCollection<RemoteHostState> All => [.. _states.Values];

    public RemoteHostState? State(string protocol, string host) =>
        _states.TryGetValue((protocol, Key(host)), out var state) ? state : null;

    /// <summary>Throws <see cref="RemoteHostUnavailableException"/> while the host is in backoff (unless <paramref name="force"/>).</summary>
    public void Check(string protocol, string host, bool force = false)
    {
        if (!force && State(protocol, host) is { RetryAfter: { } until } state && until > time.GetUtcNow())
        {
            throw new RemoteHostUnavailableException(state);
        }
    }

    public RemoteHostState Succeeded(string protocol, string host) =>
        _states.AddOrUpdate(
            (protocol, Key(host)),
            static (k, now) => new RemoteHostState(k.Protocol, k.Host, true, "OK", "answered", 0, now, null, null),
            static (k, old, now) => old with { Reachable = true, Status = "OK", Message = "answered", ConsecutiveFailures = 0, LastSuccess = now, RetryAfter = null },
            time.GetUtcNow());

    /// <summary>
    /// Records a failed attempt. <paramref name="unreachable"/>: the computer did not answer at all, so it backs off;
    /// otherwise it answered and refused or failed the request, and is still reachable.
    /// </summary>
    public RemoteHostState Failed(string protocol, string host, string status, string message, bool unreachable)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        return _states.AddOrUpdate(
            (protocol, Key(host)),
            k => Next(new RemoteHostState(k.Protocol, k.Host, true, "OK", "", 0, null, null, null)),
            (_, old) => Next(old));

        RemoteHostState Next(RemoteHostState old)
        {
            if (!unreachable)
            {
                return old with { Reachable = true, Status = status, Message = message, ConsecutiveFailures = 0, LastFailure = now, RetryAfter = null };
            }

            if (!old.Reachable && old.RetryAfter is { } until && until > now)
            {
                // Another attempt of the same backoff period (runs that started together, the availability check):
                // the same outage, so it neither counts again nor moves the retry.
                return old with { Status = status, Message = message, LastFailure = now };
            }

            var failures = old.Reachable ? 1 : old.ConsecutiveFailures + 1;
            var wait = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 20)));
            return old with { Reachable = false, Status = status, Message = message, ConsecutiveFailures = failures, LastFailure = now, RetryAfter = now + wait };
        }
    }

    private static string Key(string host) => host.ToUpperInvariant();
}
