using System.Collections.Immutable;

namespace MonitoringHost.Probes.Snmp;

/// <summary>A table read: its entry OID, its rows in index order, or why it could not be read.</summary>
public sealed record SnmpTable(string EntryOid, ImmutableArray<SnmpTableRow> Rows, SnmpError? Error)
{
    public bool Succeeded => Error is null;
}
