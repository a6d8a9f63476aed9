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

    [Fact]
    public void ToXml_Output_HasStdOutStdErrAndExitCodeWithTheTextSelectGives()
    {
        var output = new CommandOutputData(
            new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero), "<status>ok & \"ready\"</status>\r\nline 2\n", "", -2);

        var root = XmlForm.ShouldRoundTrip(
            output,
            ("StdOut", "<status>ok & \"ready\"</status>\r\nline 2\n"),
            ("StdErr", ""),
            ("ExitCode", "-2"));

        root.Elements().Select(e => e.Name.LocalName).Should().Equal("StdOut", "StdErr", "ExitCode");
    }

    [Fact]
    public void ToXml_TerminalColourCodes_AreReplacedSoTheOutputStaysReadable()
    {
        var output = new CommandOutputData(DateTimeOffset.UnixEpoch, "\u001b[32mOK\u001b[0m", "", 0);

        XmlForm.XPathText(XmlForm.Load(output.ToXml()), "StdOut").Should().Be("\uFFFD[32mOK\uFFFD[0m");
    }
}
