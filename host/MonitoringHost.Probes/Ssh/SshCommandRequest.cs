namespace MonitoringHost.Probes.Ssh;

/// <summary>
/// One command to run on <see cref="Host"/>:<see cref="Port"/> as <see cref="Credential"/>. The connection timeout
/// covers TCP connect, key exchange and authentication; the command timeout runs from the moment the command has a
/// channel (waiting for one of a connection's channels is bounded only by the caller's cancellation).
/// <see cref="TrustOnFirstUse"/> pins a host key the known-hosts store does not know yet instead of refusing it.
/// </summary>
public sealed record SshCommandRequest(string Host, SshCredential Credential, string Command)
{
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(60);

    public int Port { get; init; } = 22;

    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    public TimeSpan CommandTimeout { get; init; } = DefaultCommandTimeout;

    public bool TrustOnFirstUse { get; init; }

    /// <summary><c>host:port</c>, IPv6 addresses in brackets.</summary>
    public string Endpoint => SshHostKey.Endpoint(Host, Port);
}
