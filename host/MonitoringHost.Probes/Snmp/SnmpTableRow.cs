using System.Collections.Immutable;

namespace MonitoringHost.Probes.Snmp;

/// <summary>One conceptual row of a table: its index (the OID suffix after the column, "1" or "10.0.0.1") and its columns by number.</summary>
public sealed record SnmpTableRow(string Index, ImmutableSortedDictionary<uint, SnmpValue> Columns)
{
    /// <summary>The value of column <paramref name="column"/>, or null when the agent has none in this row.</summary>
    public SnmpValue? this[uint column] => Columns.GetValueOrDefault(column);
}
