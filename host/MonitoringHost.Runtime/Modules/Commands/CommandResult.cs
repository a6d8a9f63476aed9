namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>How a command ended: what it wrote (each capped, see <see cref="CommandProcess.MaxCapturedChars"/>) and its exit code.</summary>
internal sealed record CommandResult(string StdOut, string StdErr, int ExitCode);
