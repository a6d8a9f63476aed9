using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Tests.Scheduling;

public sealed class RecurringScheduleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_WithoutSyncTime_FollowsTheOffsetGrid_StrictlyAfter()
    {
        var schedule = new RecurringSchedule(TimeSpan.FromMinutes(5));

        schedule.Next(Noon, TimeSpan.FromSeconds(42)).Should().Be(Noon + TimeSpan.FromSeconds(42));
        schedule.Next(Noon + TimeSpan.FromSeconds(42), TimeSpan.FromSeconds(42)).Should().Be(Noon + TimeSpan.FromSeconds(342));
        schedule.Next(Noon, TimeSpan.Zero).Should().Be(Noon + TimeSpan.FromMinutes(5), "a run due exactly now is not repeated");
    }

    [Fact]
    public void Next_WithSyncTime_AlignsToTheTimeOfDay_IgnoringTheOffset()
    {
        var schedule = new RecurringSchedule(TimeSpan.FromHours(4), syncTime: new TimeSpan(1, 30, 0));

        schedule.Next(Noon, TimeSpan.FromMinutes(17)).Should().Be(new DateTimeOffset(2026, 11, 30, 13, 30, 0, TimeSpan.Zero));
        schedule.Next(new DateTimeOffset(2026, 11, 30, 0, 10, 0, TimeSpan.Zero), TimeSpan.Zero).Should().Be(new DateTimeOffset(2026, 11, 30, 1, 30, 0, TimeSpan.Zero));
        schedule.Next(new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.Zero), TimeSpan.Zero).Should().Be(new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero), "the next day's sync time comes first");
    }

    [Fact]
    public void Next_SkipsExcludedRanges()
    {
        var schedule = new RecurringSchedule(TimeSpan.FromMinutes(10), excluded: [(Noon, Noon + TimeSpan.FromMinutes(35))]);

        schedule.Next(Noon - TimeSpan.FromMinutes(1), TimeSpan.Zero).Should().Be(Noon + TimeSpan.FromMinutes(40));
    }

    [Fact]
    public void Cron_GivesTheNextMatchingTime()
    {
        var cron = new CronSchedule("*/15 * * * *");

        cron.Next(Noon + TimeSpan.FromMinutes(1), TimeSpan.Zero).Should().Be(Noon + TimeSpan.FromMinutes(15));
        cron.Interval.Should().Be(TimeSpan.FromMinutes(15));
        var bad = () => new CronSchedule("every minute");
        bad.Should().Throw<FormatException>().WithMessage("*not a cron expression*");
    }
}
