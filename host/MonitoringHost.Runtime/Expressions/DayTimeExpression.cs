using System.Globalization;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary>
/// <c>DayTimeExpression</c>: whether a time value falls in a daily window on chosen weekdays. <c>StartTime</c> and
/// <c>EndTime</c> are seconds after midnight (the window is [start, end), wrapping past midnight when end is before
/// start; equal means the whole day), <c>Days</c> a mask with Sunday 1, Monday 2 … Saturday 64 (as the library's
/// DaysOfWeekMask), and <c>InRange</c> false turns it into "outside the window". The clock time is read as written in
/// the value (data item times are UTC). A value that selects nothing or is not a time makes it false.
/// </summary>
internal sealed class DayTimeExpression(ValueOperand value, int startSeconds, int endSeconds, int days, bool inRange) : ExpressionNode
{
    public ValueOperand Value { get; } = value;

    public int StartSeconds { get; } = startSeconds;

    public int EndSeconds { get; } = endSeconds;

    public int Days { get; } = days;

    public bool InRange { get; } = inRange;

    public override bool Evaluate(DataItem item)
    {
        if (Value.Text(item) is not { } text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time))
        {
            return false;
        }

        var clock = time.DateTime;
        var second = (int)(clock.TimeOfDay.Ticks / TimeSpan.TicksPerSecond);
        var inWindow = StartSeconds == EndSeconds
            || (StartSeconds < EndSeconds ? second >= StartSeconds && second < EndSeconds : second >= StartSeconds || second < EndSeconds);
        var onDay = (Days & (1 << (int)clock.DayOfWeek)) != 0;
        return (inWindow && onDay) == InRange;
    }
}
