using System.Collections.Immutable;

namespace MonitoringHost.Probes.Snmp;

/// <summary>The variable bindings an agent answered with, in its order, or why there are none.</summary>
public sealed record SnmpResult(ImmutableArray<SnmpVariable> Variables, SnmpError? Error)
{
    public bool Succeeded => Error is null;

    internal static SnmpResult Failed(SnmpError error) => new([], error);
}
