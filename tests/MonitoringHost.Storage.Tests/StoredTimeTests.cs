namespace MonitoringHost.Storage.Tests;

public sealed class StoredTimeTests
{
    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(9L, 0L)]
    [InlineData(10L, 1L)]
    [InlineData(-1L, -1L)]
    [InlineData(-10L, -1L)]
    [InlineData(-11L, -2L)]
    public void UnixMicroseconds_RoundsDown(long ticksAfterEpoch, long expected)
    {
        var time = new DateTimeOffset(DateTime.UnixEpoch.AddTicks(ticksAfterEpoch));

        StoredTime.UnixMicroseconds(time).Should().Be(expected);
        StoredTime.FromUnixMicroseconds(expected).Should().Be(StoredTime.Normalize(time));
    }

    [Fact]
    public void Normalize_IsUtc_AndTruncatedToTheMicrosecond()
    {
        var time = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(12_345);

        var normalized = StoredTime.Normalize(time);

        normalized.Offset.Should().Be(TimeSpan.Zero);
        normalized.UtcDateTime.Should().Be(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(12_340));
        StoredTime.UtcDateTime(time).Kind.Should().Be(DateTimeKind.Utc);
    }
}
