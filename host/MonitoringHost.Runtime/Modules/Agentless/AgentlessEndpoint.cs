namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// Where a protocol module connects for one computer: the address (a name or an IP address) and port, and the
/// protocol's options for that computer. Made by <see cref="IAgentlessEndpoints"/> from what the computer was added
/// with; a module never guesses a port of its own.
/// </summary>
public sealed record AgentlessEndpoint(string Protocol, string Address, int Port)
{
    /// <summary>WS-Man over HTTPS (port 5986 unless given).</summary>
    public bool UseHttps { get; init; }

    /// <summary>SSH: pin an unknown host key on first use instead of refusing it. Off unless the computer says so.</summary>
    public bool TrustOnFirstUse { get; init; }

    /// <summary>WS-Man over HTTPS: accept a certificate that does not verify (a self-signed listener). Off unless the computer says so.</summary>
    public bool SkipCertificateCheck { get; init; }

    /// <summary><c>address:port</c>, an IPv6 address in brackets: the key reachability is kept under.</summary>
    public string HostKey => Address.Contains(':', StringComparison.Ordinal) ? $"[{Address}]:{Port}" : $"{Address}:{Port}";

    public override string ToString() => $"{Protocol}://{HostKey}";
}
