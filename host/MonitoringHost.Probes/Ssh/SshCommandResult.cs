namespace MonitoringHost.Probes.Ssh;

/// <summary>
/// How one command run went: its status, for a completed command the exit code (or the signal that ended it),
/// standard output and standard error, the time taken, and what went wrong in words.
/// </summary>
public sealed record SshCommandResult(
    string Endpoint,
    SshCommandStatus Status,
    int? ExitCode,
    string? ExitSignal,
    string StandardOutput,
    string StandardError,
    TimeSpan Duration,
    string? Message)
{
    /// <summary>The command ran (exit code zero or not); <see cref="Message"/> is null then.</summary>
    public bool Completed => Status == SshCommandStatus.Completed;

    /// <summary>
    /// The output as a property bag: every <c>key=value</c> line of standard output, then the whole outputs and the
    /// exit code under <see cref="SshPropertyBag.StdOut"/>, <see cref="SshPropertyBag.StdErr"/> and
    /// <see cref="SshPropertyBag.ReturnCode"/> (these win over a line with the same key).
    /// </summary>
    public IReadOnlyDictionary<string, string> ToPropertyBag() => SshPropertyBag.From(this);

    internal static SshCommandResult Failed(string endpoint, SshCommandStatus status, TimeSpan duration, string message) =>
        new(endpoint, status, null, null, string.Empty, string.Empty, duration, message);
}
