namespace MonitoringHost.Probes.Icmp;

/// <summary>One ping: how many echoes, how long each may take, the pause between them, the payload size.</summary>
public sealed record IcmpPingRequest(string Host)
{
    public int Echoes { get; init; } = 4;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Interval { get; init; } = TimeSpan.Zero;

    public int PayloadBytes { get; init; } = 32;
}
