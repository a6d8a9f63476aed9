using System.Collections.Immutable;
using System.Net;

namespace MonitoringHost.Probes.Snmp;

/// <summary>
/// A v2c notification as received: who sent it, with which community, whether it was an InformRequest (answered),
/// the sender's sysUpTime.0 and snmpTrapOID.0, and the variable bindings after those two.
/// </summary>
public sealed record SnmpTrap(
    IPEndPoint Source,
    string Community,
    SnmpPduType Type,
    TimeSpan? SysUpTime,
    string? TrapOid,
    ImmutableArray<SnmpVariable> Variables,
    DateTimeOffset ReceivedAt)
{
    public const string SysUpTimeOid = "1.3.6.1.2.1.1.3.0";

    public const string SnmpTrapOid = "1.3.6.1.6.3.1.1.4.1.0";

    public bool IsInform => Type == SnmpPduType.InformRequest;
}
