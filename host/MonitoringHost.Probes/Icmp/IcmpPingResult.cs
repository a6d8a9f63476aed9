using System.Collections.Immutable;
using System.Net;
using System.Net.NetworkInformation;

namespace MonitoringHost.Probes.Icmp;

/// <summary>
/// How a ping went: every echo, and the figures packs ask for (answered count, loss, round-trip times over the
/// answered echoes). <see cref="Message"/> says why nothing could be sent (name resolution, ICMP not permitted).
/// </summary>
public sealed record IcmpPingResult(string Host, IPAddress? Address, ImmutableArray<IcmpEcho> Echoes, string? Message)
{
    public int Sent => Echoes.Length;

    public int Received => Echoes.Count(e => e.Answered);

    public bool Succeeded => Received > 0;

    /// <summary>Lost echoes in percent; 100 when none could be sent.</summary>
    public double LossPercent => Sent == 0 ? 100 : 100.0 * (Sent - Received) / Sent;

    public TimeSpan? MinimumRoundTrip => Answered.Any() ? Answered.Min() : null;

    public TimeSpan? AverageRoundTrip => Answered.Any() ? TimeSpan.FromTicks((long)Answered.Average(t => t.Ticks)) : null;

    public TimeSpan? MaximumRoundTrip => Answered.Any() ? Answered.Max() : null;

    /// <summary>The last echo's status, or <see cref="IPStatus.Unknown"/> when none was sent.</summary>
    public IPStatus LastStatus => Echoes.IsDefaultOrEmpty ? IPStatus.Unknown : Echoes[^1].Status;

    private IEnumerable<TimeSpan> Answered => Echoes.Where(e => e.Answered).Select(e => e.RoundTrip);
}
