namespace MonitoringHost.Probes.Ssh;

/// <summary>How a command run went. Only <see cref="Completed"/> has an exit code and output.</summary>
public enum SshCommandStatus
{
    /// <summary>The command ran to its end (whatever its exit code).</summary>
    Completed,

    /// <summary>Nothing listens on the port (the connection was refused).</summary>
    ConnectionRefused,

    /// <summary>The host could not be resolved or reached, or the SSH session could not be set up.</summary>
    ConnectionFailed,

    /// <summary>Connecting, key exchange and authentication took longer than the connection timeout.</summary>
    ConnectTimeout,

    /// <summary>The server refused the user's password or key.</summary>
    AuthenticationFailed,

    /// <summary>The private key could not be read (bad format, wrong or missing passphrase).</summary>
    InvalidPrivateKey,

    /// <summary>The server offered a host key the known-hosts store has no pin for, and trust on first use was off.</summary>
    UnknownHostKey,

    /// <summary>The server offered a host key other than the pinned one.</summary>
    HostKeyChanged,

    /// <summary>The command ran longer than the command timeout; it was stopped.</summary>
    CommandTimeout,

    /// <summary>The connection dropped while the command ran.</summary>
    ConnectionLost,
}
