using MonitoringHost.Runtime.Modules.Commands;

namespace MonitoringHost.Runtime.Tests.Modules.Commands;

public sealed class CommandLineArgumentsTests
{
    // The examples of Microsoft's "Parsing C++ command-line arguments", and the cases packs write.
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   \t ", new string[0])]
    [InlineData("a b  c", new[] { "a", "b", "c" })]
    [InlineData("\"abc\" d e", new[] { "abc", "d", "e" })]
    [InlineData("a\\\\b d\"e f\"g h", new[] { "a\\\\b", "de fg", "h" })]
    [InlineData("a\\\\\\\"b c d", new[] { "a\\\"b", "c", "d" })]
    [InlineData("a\\\\\\\\\"b c\" d e", new[] { "a\\\\b c", "d", "e" })]
    [InlineData("a\"b\"\" c d", new[] { "ab\" c d" })]
    [InlineData("\"\" x", new[] { "", "x" })]
    [InlineData("//nologo \"C:\\Program Files\\check.vbs\" 1", new[] { "//nologo", "C:\\Program Files\\check.vbs", "1" })]
    [InlineData("/c EVENTCREATE /T ERROR /D \"This is a Test event 100\"", new[] { "/c", "EVENTCREATE", "/T", "ERROR", "/D", "This is a Test event 100" })]
    [InlineData("trailing\\", new[] { "trailing\\" })]
    [InlineData("\"unclosed quote", new[] { "unclosed quote" })]
    public void Split_CommandLine_GivesTheArgumentsWindowsWould(string commandLine, string[] expected)
    {
        CommandLineArguments.Split(commandLine).Should().Equal(expected);
    }
}
