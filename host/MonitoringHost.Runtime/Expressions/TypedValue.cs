using System.Globalization;

namespace MonitoringHost.Runtime.Expressions;

/// <summary>
/// A value cast to a non-string <see cref="ValueKind"/>, held in a struct so comparisons do not allocate. Booleans
/// (0 or 1), times (UTC ticks) and durations (ticks) live in <see cref="Signed"/>.
/// </summary>
internal readonly struct TypedValue
{
    private TypedValue(ValueKind kind, long signed, ulong unsigned, double real)
    {
        Kind = kind;
        Signed = signed;
        Unsigned = unsigned;
        Real = real;
    }

    public ValueKind Kind { get; }

    public long Signed { get; }

    public ulong Unsigned { get; }

    public double Real { get; }

    private bool IsNumber => Kind is ValueKind.Integer or ValueKind.UnsignedInteger or ValueKind.Double;

    /// <summary>Casts <paramref name="text"/> to <paramref name="kind"/> (invariant culture); false when it is not one.</summary>
    public static bool TryParse(string text, ValueKind kind, out TypedValue value)
    {
        value = default;
        switch (kind)
        {
            case ValueKind.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var signed):
                value = new TypedValue(kind, signed, 0, 0);
                return true;
            case ValueKind.UnsignedInteger when ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unsigned):
                value = new TypedValue(kind, 0, unsigned, 0);
                return true;
            case ValueKind.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsNaN(real):
                value = new TypedValue(kind, 0, 0, real);
                return true;
            case ValueKind.Boolean when TryParseBoolean(text, out var flag):
                value = new TypedValue(kind, flag ? 1 : 0, 0, 0);
                return true;
            case ValueKind.DateTime when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time):
                value = new TypedValue(kind, time.UtcTicks, 0, 0);
                return true;
            case ValueKind.Duration when DurationText.TryParse(text, out var duration):
                value = new TypedValue(kind, duration.Ticks, 0, 0);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Orders <paramref name="left"/> against <paramref name="right"/>: same kinds directly, mixed numbers exactly
    /// where both are whole and as doubles otherwise. Other mixes cannot be ordered (false).
    /// </summary>
    public static bool TryCompare(in TypedValue left, in TypedValue right, out int order)
    {
        order = 0;
        if (left.Kind == right.Kind)
        {
            order = left.Kind switch
            {
                ValueKind.UnsignedInteger => left.Unsigned.CompareTo(right.Unsigned),
                ValueKind.Double => left.Real.CompareTo(right.Real),
                _ => left.Signed.CompareTo(right.Signed),
            };
            return true;
        }

        if (!left.IsNumber || !right.IsNumber)
        {
            return false;
        }

        if (left.Kind == ValueKind.Double || right.Kind == ValueKind.Double)
        {
            order = left.AsDouble().CompareTo(right.AsDouble());
            return true;
        }

        // Integer against UnsignedInteger: a negative integer is below every unsigned value.
        order = left.Kind == ValueKind.Integer
            ? (left.Signed < 0 ? -1 : ((ulong)left.Signed).CompareTo(right.Unsigned))
            : (right.Signed < 0 ? 1 : left.Unsigned.CompareTo((ulong)right.Signed));
        return true;
    }

    /// <summary>Whether values of these kinds can be compared at all.</summary>
    public static bool Comparable(ValueKind left, ValueKind right) =>
        left == right || (IsNumberKind(left) && IsNumberKind(right));

    private static bool IsNumberKind(ValueKind kind) => kind is ValueKind.Integer or ValueKind.UnsignedInteger or ValueKind.Double;

    private double AsDouble() => Kind switch
    {
        ValueKind.Integer => Signed,
        ValueKind.UnsignedInteger => Unsigned,
        _ => Real,
    };

    // Script property bags write True/False; registry and WMI values arrive as 1/0.
    private static bool TryParseBoolean(string text, out bool value)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed is "1" or "0")
        {
            value = trimmed[0] == '1';
            return true;
        }

        return bool.TryParse(trimmed, out value);
    }
}
