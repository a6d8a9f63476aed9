namespace MonitoringHost.Probes.Snmp;

/// <summary>A variable binding: an object instance's OID (dotted, no leading dot) and its value.</summary>
public sealed record SnmpVariable(string Oid, SnmpValue Value)
{
    public override string ToString() => $"{Oid} = {Value}";
}
