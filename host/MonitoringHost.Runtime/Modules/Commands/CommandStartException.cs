namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// A command could not be started (no such program, not executable, no such working directory): the module output
/// nothing. The message (kept as the workflow instance's last error) names the command and why.
/// </summary>
public sealed class CommandStartException(string command, string workingDirectory, Exception reason)
    : Exception($"the command {command} could not be started in {workingDirectory}: {reason.Message}", reason)
{
    /// <summary>The program and its command line, as it would have run (never the secure input).</summary>
    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;
}
