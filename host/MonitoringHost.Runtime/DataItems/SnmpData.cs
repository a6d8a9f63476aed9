using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Xml;
using MonitoringHost.Probes.Snmp;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// <c>System.SnmpData</c>: an SNMP answer or a received trap as Operations Manager shows it: <c>Source</c> (the
/// agent's address and port), <c>Version</c> (<c>2</c> for v2c), <c>ErrorCode</c> (0), then
/// <c>SnmpVarBinds/SnmpVarBind</c> with <c>OID</c> (dotted, with a leading dot), <c>Syntax</c> (the BER tag: 2
/// Integer, 4 OctetString, 6 OID, 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks, 70 Counter64, 128/129/130
/// noSuchObject/noSuchInstance/endOfMibView) and <c>Value</c> with its <c>VariantType</c> (3 signed, 19 unsigned 32-bit,
/// 21 unsigned 64-bit, 8 text). TimeTicks read as hundredths of a second, IP addresses dotted, octet strings as text
/// when printable, else hex. So <c>SnmpVarBinds/SnmpVarBind[OID='.1.3.6.1.2.1.1.5.0']/Value</c> and
/// <c>SnmpVarBinds/SnmpVarBind[1]/Value</c> read as they do in Operations Manager. A trap's bindings start with
/// sysUpTime.0 and snmpTrapOID.0, as sent. The community is never part of the item (its XML form is an alert's
/// context and is stored).
/// </summary>
public sealed class SnmpData : DataItem
{
    public const string DataTypeName = "System.SnmpData";

    private readonly ImmutableArray<DataNode> _nodes;

    private SnmpData(DateTimeOffset time, ImmutableArray<DataNode> nodes)
        : base(time) => _nodes = nodes;

    public override string TypeName => DataTypeName;

    /// <summary>The elements below <c>DataItem</c>: Source, Version, ErrorCode, SnmpVarBinds.</summary>
    public ImmutableArray<DataNode> Nodes => _nodes;

    /// <summary>The agent's answer to a request sent to <paramref name="source"/>.</summary>
    public static SnmpData Answer(DateTimeOffset time, IPEndPoint source, IEnumerable<SnmpVariable> variables) =>
        new(time, Build(source, variables));

    /// <summary>A received trap or inform: sysUpTime.0 and snmpTrapOID.0 first, then the sender's other bindings.</summary>
    public static SnmpData Trap(SnmpTrap trap)
    {
        ArgumentNullException.ThrowIfNull(trap);
        var head = new List<SnmpVariable>(2);
        if (trap.SysUpTime is { } upTime)
        {
            head.Add(new SnmpVariable(SnmpTrap.SysUpTimeOid, SnmpValue.TimeTicks((uint)(upTime.Ticks / TimeSpan.TicksPerMillisecond / 10))));
        }

        if (trap.TrapOid is { } oid)
        {
            head.Add(new SnmpVariable(SnmpTrap.SnmpTrapOid, SnmpValue.ObjectIdentifier(oid)));
        }

        return new SnmpData(trap.ReceivedAt, Build(trap.Source, head.Concat(trap.Variables)));
    }

    /// <summary>The value text of the binding for <paramref name="oid"/> (with or without a leading dot), or null.</summary>
    public string? ValueOf(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        var dotted = Dotted(oid.TrimStart('.'));
        var binds = _nodes[^1];
        return binds.Children.FirstOrDefault(b => b.Children[0].Value == dotted)?.Children[2].Value;
    }

    protected override bool AnswersChildPredicates => true;

    protected override string? SelectValue(DataPath path) => DataNode.Select(_nodes, path.Steps.AsSpan());

    protected override void WriteContent(XmlWriter writer)
    {
        foreach (var node in _nodes)
        {
            DataItemXml.Node(writer, node);
        }
    }

    /// <summary>An OID as Operations Manager writes it: with a leading dot.</summary>
    public static string Dotted(string oid) => "." + oid;

    private static ImmutableArray<DataNode> Build(IPEndPoint source, IEnumerable<SnmpVariable> variables)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(variables);
        var binds = variables.Select(v => DataNode.Element(
            "SnmpVarBind",
            DataNode.Text("OID", Dotted(v.Oid)),
            DataNode.Text("Syntax", ((int)v.Value.Type).ToString(CultureInfo.InvariantCulture)),
            new DataNode("Value", Text(v.Value), [KeyValuePair.Create("VariantType", VariantType(v.Value.Type))])));
        return
        [
            DataNode.Text("Source", source.ToString()),
            DataNode.Text("Version", "2"),
            DataNode.Text("ErrorCode", "0"),
            new DataNode("SnmpVarBinds", null, null, binds),
        ];
    }

    private static string Text(SnmpValue value) => value.Type switch
    {
        SnmpValueType.TimeTicks => value.Ticks!.Value.ToString(CultureInfo.InvariantCulture),
        SnmpValueType.ObjectIdentifier when value.Value is string oid => Dotted(oid),
        SnmpValueType.Null => "",
        _ => value.Text,
    };

    private static string VariantType(SnmpValueType type) => type switch
    {
        SnmpValueType.Integer => "3",
        SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks => "19",
        SnmpValueType.Counter64 => "21",
        _ => "8",
    };
}
