using MonitoringHost.Probes.Ssh;

namespace MonitoringHost.Runtime.Modules.Unix;

/// <summary>
/// A UNIX command could not be run over SSH (refused, unreachable, authentication failed, an unknown or changed host
/// key…): the module emits nothing, as an SCX invoke that fails does, and the message (kept as the instance's last
/// error) says which computer, which account and what went wrong, never a secret.
/// </summary>
public sealed class ShellCommandFailedException : Exception
{
    public ShellCommandFailedException(SshCommandStatus status, string message)
        : base(message)
    {
        Status = status;
    }

    public ShellCommandFailedException()
    {
    }

    public ShellCommandFailedException(string message)
        : base(message)
    {
    }

    public ShellCommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SshCommandStatus Status { get; }
}
