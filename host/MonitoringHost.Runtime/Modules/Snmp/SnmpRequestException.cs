namespace MonitoringHost.Runtime.Modules.Snmp;

/// <summary>
/// An SNMP request that got no usable answer: <see cref="Status"/> is the failure's kind (<c>Timeout</c>,
/// <c>Refused</c>, <c>ErrorStatus</c>, <c>Network</c>, <c>Unresolved</c>) and the message says it for people, for
/// example <c>no answer from 127.0.0.1:1161 within 500 ms: the agent is down or the community is wrong</c>.
/// </summary>
public sealed class SnmpRequestException : Exception
{
    public SnmpRequestException(string status, string message)
        : base(message)
    {
        Status = status;
    }

    public SnmpRequestException()
    {
        Status = "";
    }

    public SnmpRequestException(string message)
        : base(message)
    {
        Status = "";
    }

    public SnmpRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = "";
    }

    public string Status { get; }
}
