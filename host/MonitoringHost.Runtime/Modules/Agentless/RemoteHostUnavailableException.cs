namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// A protocol module did not try a computer because it stopped answering over the protocol and is being retried
/// with backoff: the run ends without output (so no monitor changes state and no alert is raised for it), and the
/// message, kept as the instance's last error, says why and until when.
/// </summary>
public sealed class RemoteHostUnavailableException : Exception
{
    public RemoteHostUnavailableException(RemoteHostState state)
        : base(Describe(state ?? throw new ArgumentNullException(nameof(state))))
    {
        State = state;
    }

    public RemoteHostUnavailableException()
    {
    }

    public RemoteHostUnavailableException(string message)
        : base(message)
    {
    }

    public RemoteHostUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RemoteHostState? State { get; }

    private static string Describe(RemoteHostState state) =>
        $"{state.Protocol} to {state.Host} not tried until {state.RetryAfter:O}: it has failed {state.ConsecutiveFailures} time(s) in a row, last with {state.Status}: {state.Message}";
}
