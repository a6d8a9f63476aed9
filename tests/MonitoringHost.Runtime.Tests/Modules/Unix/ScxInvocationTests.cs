using MonitoringHost.Runtime.Modules.Unix;

namespace MonitoringHost.Runtime.Tests.Modules.Unix;

public sealed class ScxInvocationTests
{
    private const string Namespace = "http://schemas.microsoft.com/wbem/wscim/1/cim-schema/2/SCX_OperatingSystem";

    [Fact]
    public void The_fragment_librarys_shell_command_input_is_read_with_its_bare_ampersands()
    {
        // What the Input of the UNIX shell-command fragments is once $Config/ShellCommand$ is put in.
        var input = $"<p:ExecuteShellCommand_INPUT xmlns:p=\"{Namespace}\"><p:command>test -f /opt/app.conf && echo 1 || echo 0</p:command><p:timeout>120</p:timeout></p:ExecuteShellCommand_INPUT>";

        var invocation = ScxInvocation.Parse("ExecuteShellCommand", input);

        invocation.Method.Should().Be(ScxMethod.ExecuteShellCommand);
        invocation.Command.Should().Be("test -f /opt/app.conf && echo 1 || echo 0");
        invocation.Timeout.Should().Be(TimeSpan.FromSeconds(120));
        invocation.Elevate.Should().BeFalse();
        invocation.ToSshCommand().Should().Be("/bin/sh -c 'test -f /opt/app.conf && echo 1 || echo 0'");
    }

    [Fact]
    public void Entities_are_decoded_and_single_quotes_survive_the_shell()
    {
        var input = "<p:ExecuteShellCommand_INPUT xmlns:p=\"x\"><p:Command>echo 'a' &amp;&amp; cat &lt; /etc/hostname</p:Command><p:timeout>0</p:timeout><p:ElevationType>sudo</p:ElevationType></p:ExecuteShellCommand_INPUT>";

        var invocation = ScxInvocation.Parse("executeshellcommand", input);

        invocation.Command.Should().Be("echo 'a' && cat < /etc/hostname");
        invocation.Timeout.Should().BeNull("0 seconds means no timeout of the method's own");
        invocation.Elevate.Should().BeTrue();
        invocation.ToSshCommand().Should().StartWith("sudo -n /bin/sh -c '/bin/sh -c '");
    }

    [Fact]
    public void The_quoted_command_reaches_the_shell_unchanged()
    {
        var invocation = ScxInvocation.Parse("ExecuteShellCommand", "<p:command>printf '%s|' 'it'\\''s' \"$HOME\" | tr -d /</p:command>");
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(invocation.ToSshCommand());
        start.Environment["HOME"] = "/home/x";

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        output.Should().Be("it's|homex|");
    }

    [Fact]
    public void A_script_is_unpacked_run_with_its_arguments_and_removed()
    {
        var input = "<p:ExecuteScript_INPUT xmlns:p=\"x\"><p:Script>#!/bin/sh\r\necho \"$1\"\r\n</p:Script><p:Arguments>hello</p:Arguments><p:timeout>30</p:timeout></p:ExecuteScript_INPUT>";

        var invocation = ScxInvocation.Parse("ExecuteScript", input);

        invocation.Command.Should().Be("#!/bin/sh\necho \"$1\"\n", "carriage returns are removed as SCX does");
        invocation.Arguments.Should().Be("hello");
        invocation.ToSshCommand().Should().StartWith("f=$(mktemp) || exit 1; printf '%s' '")
            .And.Contain("| base64 -d > \"$f\" && chmod u+x \"$f\" && \"$f\" hello; rc=$?; rm -f \"$f\"; exit $rc");
    }

    [Fact]
    public void ExecuteCommand_is_sent_as_it_is()
    {
        var invocation = ScxInvocation.Parse("ExecuteCommand", "<p:ExecuteCommand_INPUT xmlns:p=\"x\"><p:command>uname -s</p:command><p:timeout>10</p:timeout></p:ExecuteCommand_INPUT>");

        invocation.ToSshCommand().Should().Be("uname -s");
        invocation.ToString().Should().Be("SCX_OperatingSystem.ExecuteCommand, timeout 10 s");
    }

    [Theory]
    [InlineData("Enumerate", "<p:command>x</p:command>", "*'Enumerate' is not a method*")]
    [InlineData("ExecuteShellCommand", "<p:timeout>5</p:timeout>", "*has no Command*")]
    [InlineData("ExecuteScript", "<p:command>x</p:command>", "*has no Script*")]
    [InlineData("ExecuteShellCommand", "<p:command>x</p:command><p:timeout>soon</p:timeout>", "*timeout 'soon'*")]
    [InlineData("ExecuteShellCommand", "<p:command>x</p:command><p:ElevationType>su</p:ElevationType>", "*ElevationType 'su'*")]
    public void Bad_input_says_what_is_wrong(string action, string input, string message)
    {
        var parse = () => ScxInvocation.Parse(action, input);

        parse.Should().Throw<FormatException>().WithMessage(message);
    }
}
