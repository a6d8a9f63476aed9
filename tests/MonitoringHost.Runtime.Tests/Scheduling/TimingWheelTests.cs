using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Tests.Scheduling;

public sealed class TimingWheelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_TakesWhatIsDue_NeverEarly_AndKeepsLaterTurns()
    {
        var wheel = new TimingWheel<string>(TimeSpan.FromSeconds(1), 8, T0);
        wheel.Add("soon", T0 + TimeSpan.FromSeconds(2.5));
        wheel.Add("next turn", T0 + TimeSpan.FromSeconds(11));
        wheel.Add("late", T0 - TimeSpan.FromSeconds(5));
        var due = new List<string>();

        wheel.Advance(T0 + TimeSpan.FromSeconds(2), due);
        due.Should().Equal("late");
        wheel.Advance(T0 + TimeSpan.FromSeconds(3), due);
        due.Should().Equal("late", "soon");
        wheel.NextDue().Should().Be(T0 + TimeSpan.FromSeconds(11));
        wheel.Advance(T0 + TimeSpan.FromSeconds(10), due);
        due.Should().HaveCount(2, "slot 3 of the next turn is not due yet");
        wheel.Advance(T0 + TimeSpan.FromMinutes(5), due);
        due.Should().Equal("late", "soon", "next turn");
        wheel.Count.Should().Be(0);
    }
}
