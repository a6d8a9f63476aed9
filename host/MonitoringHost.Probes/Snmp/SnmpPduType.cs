namespace MonitoringHost.Probes.Snmp;

/// <summary>SNMPv2 PDU types, numbered by their context-specific tag.</summary>
public enum SnmpPduType
{
    GetRequest = 0,
    GetNextRequest = 1,
    Response = 2,
    SetRequest = 3,
    GetBulkRequest = 5,
    InformRequest = 6,
    Trap = 7,
    Report = 8,
}
