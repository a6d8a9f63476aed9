namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// A command ran past its <c>TimeoutSeconds</c>: its process tree was killed and the module output nothing, as
/// SCOM does. The message (kept as the workflow instance's last error) names the command and the timeout.
/// </summary>
public sealed class CommandTimedOutException(string command, TimeSpan timeout)
    : Exception($"the command {command} did not finish within {timeout.TotalSeconds:0} s (TimeoutSeconds) and was killed")
{
    /// <summary>The program and its command line, as run (never the secure input).</summary>
    public string Command { get; } = command;

    public TimeSpan Timeout { get; } = timeout;
}
