using System.Collections.Immutable;

namespace MonitoringHost.Probes.Snmp;

/// <summary>
/// One SNMPv2c message: community and PDU. For GETBULK, <see cref="ErrorStatus"/> and <see cref="ErrorIndex"/> carry
/// non-repeaters and max-repetitions, as on the wire.
/// </summary>
internal sealed record SnmpPdu(
    SnmpPduType Type,
    string Community,
    int RequestId,
    int ErrorStatus,
    int ErrorIndex,
    ImmutableArray<SnmpVariable> Variables);
