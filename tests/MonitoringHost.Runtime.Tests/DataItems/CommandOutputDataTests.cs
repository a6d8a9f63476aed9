using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

public sealed class CommandOutputDataTests
{
    private static readonly CommandOutputData Output = new(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), "ok\n", "warning: slow", -2);

    [Theory]
    [InlineData("StdOut", "ok\n")]
    [InlineData("StdErr", "warning: slow")]
    [InlineData("ExitCode", "-2")]
    [InlineData("/DataItem/ExitCode", "-2")]
    [InlineData("@type", "System.CommandOutput")]
    public void Select_CommandPaths_AnswerFromFields(string xpath, string expected)
    {
        Output.Select(DataPath.Parse(xpath)).Should().Be(expected);
    }

    [Theory]
    [InlineData("ReturnCode")]
    [InlineData("StdOut/Line")]
    [InlineData("Property[@Name='StdOut']")]
    public void Select_OtherPaths_AreNull(string xpath)
    {
        Output.Select(DataPath.Parse(xpath)).Should().BeNull();
    }

    [Fact]
    public void Select_EmptyStreams_ExistAsEmptyText()
    {
        var quiet = new CommandOutputData(DateTimeOffset.UnixEpoch, "", "", 0);

        quiet.Select(DataPath.Parse("StdErr")).Should().Be("");
        quiet.Exists(DataPath.Parse("StdErr")).Should().BeTrue();
        quiet.Select(DataPath.Parse("ExitCode")).Should().Be("0");
    }
}
