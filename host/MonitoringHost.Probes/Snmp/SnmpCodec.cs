using System.Collections.Immutable;
using System.Formats.Asn1;
using System.Net;
using System.Numerics;
using System.Text;

namespace MonitoringHost.Probes.Snmp;

/// <summary>
/// BER for SNMPv2c messages (RFC 3416): <c>SEQUENCE { version 1, community, PDU }</c>, with the SMIv2 application
/// types. Unsigned application types are read leniently: some agents send Counter32 values without the leading zero
/// byte BER asks for, so their bytes are read as an unsigned number.
/// </summary>
internal static class SnmpCodec
{
    public const int Version2c = 1;

    private static readonly Asn1Tag IpAddressTag = new(TagClass.Application, 0);

    public static byte[] Encode(SnmpPdu pdu)
    {
        var writer = new AsnWriter(AsnEncodingRules.BER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(Version2c);
            writer.WriteOctetString(Encoding.UTF8.GetBytes(pdu.Community));
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, (int)pdu.Type, isConstructed: true)))
            {
                writer.WriteInteger(pdu.RequestId);
                writer.WriteInteger(pdu.ErrorStatus);
                writer.WriteInteger(pdu.ErrorIndex);
                using (writer.PushSequence())
                {
                    foreach (var variable in pdu.Variables)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(variable.Oid);
                            WriteValue(writer, variable.Value);
                        }
                    }
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>Reads one message; throws <see cref="AsnContentException"/> or <see cref="FormatException"/> saying what is wrong.</summary>
    public static SnmpPdu Decode(ReadOnlyMemory<byte> datagram)
    {
        var message = new AsnReader(datagram, AsnEncodingRules.BER).ReadSequence();
        var version = message.ReadInteger();
        if (version != Version2c)
        {
            throw new FormatException($"SNMP version field {version} is not v2c (1)");
        }

        var community = Encoding.UTF8.GetString(message.ReadOctetString());
        var tag = message.PeekTag();
        if (tag.TagClass != TagClass.ContextSpecific || !tag.IsConstructed || tag.TagValue is < 0 or > 8 or 4)
        {
            throw new FormatException($"tag {tag} is not an SNMPv2 PDU");
        }

        var pdu = message.ReadSequence(tag);
        var requestId = (int)pdu.ReadInteger();
        var errorStatus = (int)pdu.ReadInteger();
        var errorIndex = (int)pdu.ReadInteger();
        var list = pdu.ReadSequence();
        var variables = ImmutableArray.CreateBuilder<SnmpVariable>();
        while (list.HasData)
        {
            var binding = list.ReadSequence();
            var oid = binding.ReadObjectIdentifier();
            variables.Add(new SnmpVariable(oid, ReadValue(binding)));
            binding.ThrowIfNotEmpty();
        }

        return new SnmpPdu((SnmpPduType)tag.TagValue, community, requestId, errorStatus, errorIndex, variables.ToImmutable());
    }

    private static void WriteValue(AsnWriter writer, SnmpValue value)
    {
        var tag = TagOf(value.Type);
        switch (value.Value)
        {
            case int i:
                writer.WriteInteger(i, tag);
                break;
            case uint u:
                writer.WriteInteger(u, tag);
                break;
            case ulong u:
                writer.WriteInteger(u, tag);
                break;
            case TimeSpan:
                writer.WriteInteger(value.Ticks!.Value, tag);
                break;
            case byte[] bytes:
                writer.WriteOctetString(bytes, tag);
                break;
            case IPAddress address:
                writer.WriteOctetString(address.GetAddressBytes(), tag);
                break;
            case string oid:
                writer.WriteObjectIdentifier(oid, tag);
                break;
            default:
                writer.WriteNull(tag);
                break;
        }
    }

    private static SnmpValue ReadValue(AsnReader reader)
    {
        var tag = reader.PeekTag();
        var type = tag.TagClass switch
        {
            TagClass.Universal => (SnmpValueType)tag.TagValue,
            TagClass.Application => (SnmpValueType)(0x40 | tag.TagValue),
            TagClass.ContextSpecific => (SnmpValueType)(0x80 | tag.TagValue),
            _ => throw new FormatException($"tag {tag} is not an SNMP value"),
        };
        return type switch
        {
            SnmpValueType.Integer => new SnmpValue(type, (int)reader.ReadInteger()),
            SnmpValueType.OctetString or SnmpValueType.Opaque => new SnmpValue(type, reader.ReadOctetString(tag)),
            SnmpValueType.ObjectIdentifier => new SnmpValue(type, reader.ReadObjectIdentifier()),
            SnmpValueType.IpAddress => new SnmpValue(type, ReadAddress(reader)),
            SnmpValueType.Counter32 or SnmpValueType.Gauge32 => new SnmpValue(type, (uint)ReadUnsigned(reader, tag, uint.MaxValue)),
            SnmpValueType.TimeTicks => SnmpValue.TimeTicks((uint)ReadUnsigned(reader, tag, uint.MaxValue)),
            SnmpValueType.Counter64 => new SnmpValue(type, ReadUnsigned(reader, tag, ulong.MaxValue)),
            SnmpValueType.Null or SnmpValueType.NoSuchObject or SnmpValueType.NoSuchInstance or SnmpValueType.EndOfMibView =>
                ReadNull(reader, tag, type),
            _ => throw new FormatException($"tag {tag} is not an SNMP value type"),
        };
    }

    private static SnmpValue ReadNull(AsnReader reader, Asn1Tag tag, SnmpValueType type)
    {
        reader.ReadNull(tag);
        return new SnmpValue(type, null);
    }

    private static IPAddress ReadAddress(AsnReader reader)
    {
        var bytes = reader.ReadOctetString(IpAddressTag);
        return bytes.Length == 4 ? new IPAddress(bytes) : throw new FormatException($"an IpAddress has 4 bytes, not {bytes.Length}");
    }

    private static ulong ReadUnsigned(AsnReader reader, Asn1Tag tag, ulong maximum)
    {
        var bytes = reader.ReadIntegerBytes(tag).Span;
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return value <= maximum ? (ulong)value : throw new FormatException($"{value} is out of range for {(SnmpValueType)(0x40 | tag.TagValue)}");
    }

    private static Asn1Tag TagOf(SnmpValueType type)
    {
        var number = (int)type;
        return (number & 0xc0) switch
        {
            0x40 => new Asn1Tag(TagClass.Application, number & 0x3f),
            0x80 => new Asn1Tag(TagClass.ContextSpecific, number & 0x3f),
            _ => new Asn1Tag((UniversalTagNumber)number),
        };
    }
}
