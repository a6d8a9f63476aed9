namespace MonitoringHost.Probes.Snmp;

/// <summary>The SMIv2 value types of a variable binding, numbered by their BER tag byte (class, form, number).</summary>
public enum SnmpValueType
{
    Integer = 0x02,
    OctetString = 0x04,
    Null = 0x05,
    ObjectIdentifier = 0x06,
    IpAddress = 0x40,
    Counter32 = 0x41,
    Gauge32 = 0x42,
    TimeTicks = 0x43,
    Opaque = 0x44,
    Counter64 = 0x46,

    /// <summary>The agent has no object of that name (a GET of an OID that does not exist).</summary>
    NoSuchObject = 0x80,

    /// <summary>The object exists but not this instance (a table row that is not there).</summary>
    NoSuchInstance = 0x81,

    /// <summary>A GETNEXT or GETBULK ran past the last object the agent has.</summary>
    EndOfMibView = 0x82,
}
