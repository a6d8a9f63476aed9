using MonitoringHost.Runtime.Maintenance;

namespace MonitoringHost.Runtime.Tests.Maintenance;

public sealed class RecurrenceTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Cron_IsWallClockTimeInItsZone()
    {
        var nightly = Recurrence.Parse("0 2 * * *", "Europe/Berlin");

        nightly.Next(Utc("2026-11-30T00:00:00Z")).Should().Be(Utc("2026-11-30T01:00:00Z"), "02:00 in Berlin is 01:00 UTC in winter");
        nightly.Next(Utc("2026-07-01T00:00:00Z")).Should().Be(Utc("2026-07-02T00:00:00Z"), "00:00 UTC in summer, and strictly after the given time");
    }

    [Fact]
    public void Cron_StartInTheSkippedHour_MovesForwardByTheGap()
    {
        var recurrence = Recurrence.Parse("30 2 * * *", "Europe/Berlin");

        // 2027-03-28: Berlin skips 02:00–03:00; 02:30 happens as 03:30 CEST = 01:30 UTC.
        recurrence.Next(Utc("2027-03-27T12:00:00Z")).Should().Be(Utc("2027-03-28T01:30:00Z"));
        recurrence.Next(Utc("2027-03-28T01:30:00Z")).Should().Be(Utc("2027-03-29T00:30:00Z"));
    }

    [Fact]
    public void Cron_StartInTheRepeatedHour_HappensOnce()
    {
        var recurrence = Recurrence.Parse("30 2 * * *", "Europe/Berlin");

        // 2026-10-25: Berlin repeats 02:00–03:00; 02:30 is taken at its first occurrence (CEST, 00:30 UTC) only.
        var first = recurrence.Next(Utc("2026-10-24T12:00:00Z"));
        first.Should().Be(Utc("2026-10-25T00:30:00Z"));
        recurrence.Next(first!.Value).Should().Be(Utc("2026-10-26T01:30:00Z"));
    }

    [Fact]
    public void RRule_Weekly_OnItsDaysAndHour()
    {
        var saturdays = Recurrence.Parse("FREQ=WEEKLY;BYDAY=SA;BYHOUR=22", "Europe/Berlin", new DateTime(2026, 11, 28, 22, 0, 0));

        saturdays.Next(Utc("2026-11-30T00:00:00Z")).Should().Be(Utc("2026-12-05T21:00:00Z"));
    }

    [Fact]
    public void RRule_Monthly_LastFridayWithCount()
    {
        var lastFriday = Recurrence.Parse("RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=12", "UTC", new DateTime(2026, 1, 30, 20, 0, 0));

        lastFriday.Next(Utc("2026-11-30T00:00:00Z")).Should().Be(Utc("2026-12-25T20:00:00Z"));
        lastFriday.Next(Utc("2026-12-25T20:00:00Z")).Should().BeNull("COUNT=12 ends with December's");
    }

    [Fact]
    public void RRule_DailyWithIntervalAndUntil()
    {
        var everyOtherDay = Recurrence.Parse("FREQ=DAILY;INTERVAL=2;UNTIL=20261206T000000Z", "UTC", new DateTime(2026, 11, 30, 3, 0, 0));

        everyOtherDay.Next(Utc("2026-11-29T00:00:00Z")).Should().Be(Utc("2026-11-30T03:00:00Z"));
        everyOtherDay.Next(Utc("2026-11-30T03:00:00Z")).Should().Be(Utc("2026-12-02T03:00:00Z"));
        everyOtherDay.Next(Utc("2026-12-04T03:00:00Z")).Should().BeNull("the next one, Dec 6 03:00, is after UNTIL");
    }

    [Fact]
    public void Current_IsTheOccurrenceUnderWay()
    {
        var nightly = Recurrence.Parse("0 2 * * *", "UTC");

        nightly.Current(Utc("2026-11-30T02:30:00Z"), TimeSpan.FromHours(1)).Should().Be(new Occurrence(Utc("2026-11-30T02:00:00Z"), Utc("2026-11-30T03:00:00Z")));
        nightly.Current(Utc("2026-11-30T03:00:00Z"), TimeSpan.FromHours(1)).Should().BeNull("the window ends at 03:00");
        nightly.Current(Utc("2026-11-30T01:59:00Z"), TimeSpan.FromHours(1)).Should().BeNull();
    }

    [Theory]
    [InlineData("FREQ=YEARLY", "UTC", "FREQ=YEARLY is not supported")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX", "UTC", "BYDAY value 'XX' is not a weekday")]
    [InlineData("FREQ=DAILY;BYHOUR=25", "UTC", "BYHOUR=25 is not a number from 0 to 23")]
    [InlineData("every night", "UTC", "neither an RRULE (FREQ=…) nor a five-field cron expression")]
    [InlineData("0 2 * * *", "Mars/Olympus", "'Mars/Olympus' is not a time zone")]
    public void Parse_BadInput_SaysWhatIsWrong(string text, string zone, string message)
    {
        var parse = () => Recurrence.Parse(text, zone, new DateTime(2026, 11, 30, 2, 0, 0));

        parse.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }
}
