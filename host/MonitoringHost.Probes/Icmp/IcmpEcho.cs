using System.Net.NetworkInformation;

namespace MonitoringHost.Probes.Icmp;

/// <summary>One echo request's answer: its status, its round-trip time (when answered), what went wrong.</summary>
public sealed record IcmpEcho(int Sequence, IPStatus Status, TimeSpan RoundTrip, string? Message)
{
    public bool Answered => Status == IPStatus.Success;
}
