namespace MonitoringHost.Sdk.Contracts;

/// <summary>A sweep for computers to manage agentlessly (<c>POST /computers:sweep</c>).</summary>
/// <param name="Targets">Host names, addresses, or IPv4 ranges (<c>10.0.0.1-10.0.0.40</c>, <c>10.0.0.1-40</c>); at most 1,024 addresses.</param>
/// <param name="WsManPort">The WS-Man HTTP port to try (default 5985).</param>
/// <param name="WsManHttpsPort">The WS-Man HTTPS port to try (default 5986).</param>
/// <param name="SshPort">The SSH port to try (default 22).</param>
/// <param name="TimeoutMilliseconds">How long each probe waits (default 1,000, at most 10,000).</param>
public sealed record ComputerSweepRequest(
    IReadOnlyList<string> Targets, int? WsManPort = null, int? WsManHttpsPort = null, int? SshPort = null, int? TimeoutMilliseconds = null);

/// <summary>What a swept target answered.</summary>
/// <param name="Target">The target as swept.</param>
/// <param name="Address">The address it resolved to, when it did.</param>
/// <param name="Pings">Whether it answered an ICMP echo.</param>
/// <param name="Protocols">The protocols whose port accepted a connection: <c>wsman</c>, <c>wsman-https</c>, <c>ssh</c>.</param>
public sealed record ComputerSweepFinding(string Target, string? Address, bool Pings, IReadOnlyList<string> Protocols);
