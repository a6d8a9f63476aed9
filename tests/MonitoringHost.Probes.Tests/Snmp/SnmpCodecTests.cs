using System.Formats.Asn1;
using System.Net;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Probes.Tests.Snmp;

public sealed class SnmpCodecTests
{
    [Fact]
    public void EveryValueType_SurvivesEncodingAndDecoding()
    {
        SnmpVariable[] variables =
        [
            new("1.3.6.1.9.1", SnmpValue.Integer(-5)),
            new("1.3.6.1.9.2", SnmpValue.OctetString("eth0")),
            new("1.3.6.1.9.3", SnmpValue.ObjectIdentifier(".1.3.6.1.4.1.8072.3.2.10")),
            new("1.3.6.1.9.4", SnmpValue.Address(IPAddress.Parse("10.1.2.3"))),
            new("1.3.6.1.9.5", SnmpValue.Counter32(uint.MaxValue)),
            new("1.3.6.1.9.6", SnmpValue.Gauge32(1_000_000_000)),
            new("1.3.6.1.9.7", SnmpValue.TimeTicks(8_640_123)),
            new("1.3.6.1.9.8", SnmpValue.Counter64(ulong.MaxValue)),
            new("1.3.6.1.9.9", SnmpValue.Null),
            new("1.3.6.1.9.10", new SnmpValue(SnmpValueType.NoSuchObject, null)),
            new("1.3.6.1.9.11", new SnmpValue(SnmpValueType.NoSuchInstance, null)),
            new("1.3.6.1.9.12", new SnmpValue(SnmpValueType.EndOfMibView, null)),
            new("1.3.6.1.9.13", new SnmpValue(SnmpValueType.OctetString, new byte[] { 0x00, 0x1a, 0x2b, 0xff })),
        ];

        var decoded = SnmpCodec.Decode(SnmpCodec.Encode(new SnmpPdu(SnmpPduType.Response, "public", 123456, 0, 0, [.. variables])));

        decoded.Type.Should().Be(SnmpPduType.Response);
        decoded.Community.Should().Be("public");
        decoded.RequestId.Should().Be(123456);
        decoded.Variables.Select(v => (v.Oid, v.Value.Type, v.Value.Text)).Should().Equal(
            ("1.3.6.1.9.1", SnmpValueType.Integer, "-5"),
            ("1.3.6.1.9.2", SnmpValueType.OctetString, "eth0"),
            ("1.3.6.1.9.3", SnmpValueType.ObjectIdentifier, "1.3.6.1.4.1.8072.3.2.10"),
            ("1.3.6.1.9.4", SnmpValueType.IpAddress, "10.1.2.3"),
            ("1.3.6.1.9.5", SnmpValueType.Counter32, "4294967295"),
            ("1.3.6.1.9.6", SnmpValueType.Gauge32, "1000000000"),
            ("1.3.6.1.9.7", SnmpValueType.TimeTicks, "1.00:00:01.23"),
            ("1.3.6.1.9.8", SnmpValueType.Counter64, "18446744073709551615"),
            ("1.3.6.1.9.9", SnmpValueType.Null, "null"),
            ("1.3.6.1.9.10", SnmpValueType.NoSuchObject, "noSuchObject"),
            ("1.3.6.1.9.11", SnmpValueType.NoSuchInstance, "noSuchInstance"),
            ("1.3.6.1.9.12", SnmpValueType.EndOfMibView, "endOfMibView"),
            ("1.3.6.1.9.13", SnmpValueType.OctetString, "00:1a:2b:ff"));
        decoded.Variables[4].Value.Value.Should().Be(uint.MaxValue);
        decoded.Variables[6].Value.Ticks.Should().Be(8_640_123);
        decoded.Variables[7].Value.Value.Should().Be(ulong.MaxValue);
        decoded.Variables[3].Value.Value.Should().Be(IPAddress.Parse("10.1.2.3"));
    }

    [Fact]
    public void Counter32WithoutItsLeadingZero_IsReadAsUnsigned()
    {
        // Some agents send 255 as the single byte ff, which BER would read as -1.
        var writer = new AsnWriter(AsnEncodingRules.BER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteOctetString("public"u8);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2, isConstructed: true)))
            {
                writer.WriteInteger(9);
                writer.WriteInteger(0);
                writer.WriteInteger(0);
                using (writer.PushSequence())
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier("1.3.6.1.2.1.2.2.1.10.1");
                    writer.WriteInteger(-1, new Asn1Tag(TagClass.Application, 1));
                }
            }
        }

        var decoded = SnmpCodec.Decode(writer.Encode());

        decoded.Variables.Single().Value.Should().Be(SnmpValue.Counter32(255));
    }

    [Fact]
    public void NotV2c_IsRejectedSayingSo()
    {
        var v1 = SnmpCodec.Encode(new SnmpPdu(SnmpPduType.GetRequest, "public", 1, 0, 0, [new("1.3.6.1.2.1.1.1.0", SnmpValue.Null)]));
        v1[4] = 0;

        var act = () => SnmpCodec.Decode(v1);

        act.Should().Throw<FormatException>().WithMessage("SNMP version field 0 is not v2c (1)");
    }
}
