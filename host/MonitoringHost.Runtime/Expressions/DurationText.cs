using System.Globalization;

namespace MonitoringHost.Runtime.Expressions;

/// <summary>
/// Reads a <c>Duration</c> value: an xsd:duration of days and times (<c>PT5M</c>, <c>-P1DT2H</c>, <c>PT1.5S</c>) or a
/// .NET time span (<c>00:05:00</c>, <c>1.02:00:00</c>). Years and months have no fixed length, so they do not cast.
/// </summary>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            duration = default;
            return false;
        }

        if (span[0] != 'P' && span[0] != '-')
        {
            return TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out duration);
        }

        return TryParseXsd(span, out duration);
    }

    private static bool TryParseXsd(ReadOnlySpan<char> span, out TimeSpan duration)
    {
        duration = default;
        var negative = span[0] == '-';
        span = negative ? span[1..] : span;
        if (span.Length < 2 || span[0] != 'P')
        {
            return false;
        }

        span = span[1..];
        var inTime = false;
        var seconds = 0.0;
        var any = false;
        while (!span.IsEmpty)
        {
            if (span[0] == 'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                span = span[1..];
                continue;
            }

            var length = 0;
            while (length < span.Length && (char.IsAsciiDigit(span[length]) || span[length] == '.'))
            {
                length++;
            }

            if (length == 0 || length == span.Length
                || !double.TryParse(span[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unit = (span[length], inTime) switch
            {
                ('D', false) => 86400.0,
                ('H', true) => 3600.0,
                ('M', true) => 60.0,
                ('S', true) => 1.0,
                _ => 0.0, // years, months, or a unit in the wrong part
            };
            if (unit == 0.0)
            {
                return false;
            }

            seconds += number * unit;
            any = true;
            span = span[(length + 1)..];
        }

        if (!any || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(negative ? -seconds : seconds);
        return true;
    }
}
