namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// How a computer answered over one protocol lately. <see cref="Status"/> is the last outcome's name
/// (<c>OK</c>, <c>Timeout</c>, <c>Refused</c>, <c>AuthenticationFailed</c>, <c>UnknownHostKey</c>…) and
/// <see cref="Message"/> says it for people. While <see cref="RetryAfter"/> is ahead, workflows other than the
/// availability check skip the computer instead of each timing out on it.
/// </summary>
public sealed record RemoteHostState(
    string Protocol,
    string Host,
    bool Reachable,
    string Status,
    string Message,
    int ConsecutiveFailures,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    DateTimeOffset? RetryAfter);
