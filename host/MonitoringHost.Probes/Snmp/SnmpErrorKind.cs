namespace MonitoringHost.Probes.Snmp;

/// <summary>What kind of failure an <see cref="SnmpError"/> is.</summary>
public enum SnmpErrorKind
{
    /// <summary>No answer within the timeout, after every retry. Agents drop a wrong community silently, so this is also that.</summary>
    Timeout,

    /// <summary>The agent's host answered ICMP port unreachable: nothing listens on that UDP port.</summary>
    Refused,

    /// <summary>The agent answered with an error-status (tooBig, noSuchName, genErr, …) for one variable binding.</summary>
    ErrorStatus,

    /// <summary>A walk's agent returned OIDs that do not increase, which would never end.</summary>
    NotIncreasing,

    /// <summary>Any other network failure (no route, network down).</summary>
    Network,
}
