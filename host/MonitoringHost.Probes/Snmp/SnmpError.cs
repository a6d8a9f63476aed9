namespace MonitoringHost.Probes.Snmp;

/// <summary>
/// Why a request failed, in words (<see cref="Message"/>), and for an error-status answer the status and the 1-based
/// index of the variable binding it is about (0 when the agent named none) with that binding's OID.
/// </summary>
public sealed record SnmpError(SnmpErrorKind Kind, string Message)
{
    public SnmpErrorStatus Status { get; init; }

    public int Index { get; init; }

    public string? Oid { get; init; }

    public override string ToString() => Message;
}
