using System.Globalization;
using System.Net;
using System.Text;

namespace MonitoringHost.Probes.Snmp;

/// <summary>
/// One variable's value. <see cref="Value"/> is the .NET value: <see cref="int"/> (Integer), <see cref="byte"/>[]
/// (OctetString, Opaque), <see cref="string"/> (ObjectIdentifier, dotted), <see cref="IPAddress"/> (IpAddress),
/// <see cref="uint"/> (Counter32, Gauge32), <see cref="TimeSpan"/> (TimeTicks), <see cref="ulong"/> (Counter64), and
/// null for Null and the three exceptions (noSuchObject, noSuchInstance, endOfMibView).
/// </summary>
public sealed record SnmpValue(SnmpValueType Type, object? Value)
{
    public static readonly SnmpValue Null = new(SnmpValueType.Null, null);

    /// <summary>True for noSuchObject, noSuchInstance and endOfMibView: the agent had no value to give.</summary>
    public bool IsException => Type is SnmpValueType.NoSuchObject or SnmpValueType.NoSuchInstance or SnmpValueType.EndOfMibView;

    /// <summary>TimeTicks as the agent sent them, in hundredths of a second.</summary>
    public uint? Ticks => Value is TimeSpan span && Type == SnmpValueType.TimeTicks ? (uint)(span.Ticks / TimeSpan.TicksPerMillisecond / 10) : null;

    /// <summary>The value as text: octet strings as text when they are printable, else as hex bytes (<c>00:1a:2b</c>).</summary>
    public string Text => Value switch
    {
        byte[] bytes => Printable(bytes) ? Encoding.UTF8.GetString(bytes) : string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))),
        TimeSpan span => span.Days > 0
            ? span.ToString(@"d\.hh\:mm\:ss\.ff", CultureInfo.InvariantCulture)
            : span.ToString(@"hh\:mm\:ss\.ff", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        null => Type switch
        {
            SnmpValueType.NoSuchObject => "noSuchObject",
            SnmpValueType.NoSuchInstance => "noSuchInstance",
            SnmpValueType.EndOfMibView => "endOfMibView",
            _ => "null",
        },
        _ => Value.ToString() ?? string.Empty,
    };

    /// <summary>A numeric value (Integer, Counter32, Gauge32, TimeTicks in hundredths, Counter64) as a 64-bit integer.</summary>
    public long? ToInt64() => Value switch
    {
        int i => i,
        uint u => u,
        TimeSpan => Ticks,
        ulong u when u <= long.MaxValue => (long)u,
        _ => null,
    };

    public override string ToString() => $"{Type}: {Text}";

    /// <summary>Same type and same value; octet strings compare by their bytes.</summary>
    public bool Equals(SnmpValue? other) =>
        other is not null && Type == other.Type && (Value is byte[] bytes && other.Value is byte[] others ? bytes.AsSpan().SequenceEqual(others) : Equals(Value, other.Value));

    public override int GetHashCode() => HashCode.Combine(Type, Value is byte[] bytes ? bytes.Length : Value?.GetHashCode() ?? 0);

    public static SnmpValue Integer(int value) => new(SnmpValueType.Integer, value);

    public static SnmpValue OctetString(string value) => new(SnmpValueType.OctetString, Encoding.UTF8.GetBytes(value));

    public static SnmpValue ObjectIdentifier(string oid) => new(SnmpValueType.ObjectIdentifier, SnmpOid.Normalize(oid));

    public static SnmpValue Address(IPAddress address) => new(SnmpValueType.IpAddress, address);

    public static SnmpValue Counter32(uint value) => new(SnmpValueType.Counter32, value);

    public static SnmpValue Gauge32(uint value) => new(SnmpValueType.Gauge32, value);

    public static SnmpValue TimeTicks(uint hundredths) => new(SnmpValueType.TimeTicks, TimeSpan.FromMilliseconds(hundredths * 10.0));

    public static SnmpValue Counter64(ulong value) => new(SnmpValueType.Counter64, value);

    private static bool Printable(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < 0x20 and not (0x09 or 0x0a or 0x0d) or 0x7f)
            {
                return false;
            }
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
