using System.Diagnostics;
using System.Globalization;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Commands;

namespace MonitoringHost.Runtime.Tests.Modules.Commands;

public sealed class CommandExecuterProbeTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("command-tests-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task RunAsync_ShellCommand_CapturesStdOutStdErrAndExitCodeExactly()
    {
        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("", "printf 'out line\\n\\tsecond'; printf 'err text' >&2; exit 3"));

        item.StdOut.Should().Be("out line\n\tsecond");
        item.StdErr.Should().Be("err text");
        item.ExitCode.Should().Be(3);
        item.Select(DataPath.Parse("ExitCode")).Should().Be("3");
        item.Time.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_ApplicationWithCommandLine_SplitsArgumentsWithWindowsRules()
    {
        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("printf", "\"<%s>\" \"two words\" plain \"with \\\"quote\\\"\" $HOME"));

        // No shell: $HOME reaches the program as written.
        item.StdOut.Should().Be("<two words><plain><with \"quote\"><$HOME>");
        item.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_ShellCommandWithoutDataTokens_KeepsDollarSignsForTheShell()
    {
        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("", "echo $$"));

        int.Parse(item.StdOut.Trim(), CultureInfo.InvariantCulture).Should().BePositive();
    }

    [Fact]
    public async Task RunAsync_DataTokenInCommandLine_IsFilledFromTheInputItem()
    {
        var input = new PropertyBagData(DateTimeOffset.UtcNow, [new("Service", "nginx worker")]);

        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("/bin/echo", "checking \"$Data/Property[@Name='Service']$\""), input);

        item.StdOut.Should().Be("checking nginx worker\n");
    }

    [Fact]
    public async Task RunAsync_Files_AreWrittenForTheCommandAndRemovedAfterwards()
    {
        var files = $"<Files>{CommandSetup.File("data.txt", "first line\nsecond ünïcode line\n")}{CommandSetup.File("check.sh", "#!/bin/sh\necho \"script got <$1>\"\n")}</Files>";

        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("", "pwd; cat \"$file/data.txt$\"; ./check.sh 'a b'", extra: files));

        var lines = item.StdOut.Split('\n');
        var folder = lines[0];
        folder.Should().StartWith(Path.GetTempPath().TrimEnd('/')).And.Contain("monitoringhost-command-");
        string.Join('\n', lines[1..]).Should().Be("first line\nsecond ünïcode line\nscript got <a b>\n");
        item.StdErr.Should().BeEmpty();
        Directory.Exists(folder).Should().BeFalse("the run's folder goes with the run");
    }

    [Fact]
    public async Task RunAsync_FileAsApplicationName_RunsTheWrittenScript()
    {
        var files = $"<Files>{CommandSetup.File("probe.sh", "#!/bin/sh\nprintf '%s|' \"$@\"\n")}</Files>";

        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("$file/probe.sh$", "one \"two three\"", extra: files));

        item.StdOut.Should().Be("one|two three|");
    }

    [Theory]
    [InlineData(true, "fffe68006900e9000a00")]
    [InlineData(false, "6869c3a90a")]
    [InlineData(null, "6869c3a90a")]
    public async Task RunAsync_FileEncoding_IsUtf16WithBomWhenUnicodeElseUtf8(bool? unicode, string expectedHex)
    {
        var files = $"<Files>{CommandSetup.File("text.txt", "hié\n", unicode)}</Files>";

        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("", "od -An -v -tx1 text.txt | tr -d ' \\n'", extra: files));

        item.StdOut.Should().Be(expectedHex);
    }

    [Fact]
    public async Task RunAsync_SecureInput_IsWrittenToStandardInputExactly()
    {
        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("/bin/cat", "", extra: "<SecureInput>  user\np@ss wörd&lt;  </SecureInput>"));

        item.StdOut.Should().Be("  user\np@ss wörd<  ");
    }

    [Fact]
    public async Task RunAsync_NoSecureInput_StandardInputIsClosedAtOnce()
    {
        // cat would wait for ever on an inherited or open standard input.
        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("/bin/cat", "", timeoutSeconds: 10));

        item.StdOut.Should().BeEmpty();
        item.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_SecureInputTheCommandDoesNotRead_StillEmitsItsOutput()
    {
        var secret = new string('s', 1024 * 1024);

        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("", "echo ignored input", extra: $"<SecureInput>{secret}</SecureInput>"));

        item.StdOut.Should().Be("ignored input\n");
    }

    [Theory]
    [InlineData("true", true, 0)]
    [InlineData("echo only errors >&2; exit 1", true, 0)]
    [InlineData("true", false, 1)]
    [InlineData("echo", true, 1)]
    public async Task RunAsync_RequireOutput_EmitsNothingWhenStdOutIsEmpty(string commandLine, bool requireOutput, int expectedItems)
    {
        var module = CommandSetup.Create(CommandExecuterProbeFactory.Id, CommandSetup.Use("", commandLine, requireOutput: requireOutput));

        var items = await CommandSetup.RunAsync(module);

        items.Should().HaveCount(expectedItems);
    }

    [Fact]
    public async Task RunAsync_WorkingDirectory_IsWhereTheCommandRuns()
    {
        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("/bin/sh", "-c pwd", workingDirectory: _scratch.FullName));

        item.StdOut.Should().Be(_scratch.FullName + "\n");
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsTheProcessTreeAndThrowsNamingCommandAndTimeout()
    {
        var pidFile = Path.Combine(_scratch.FullName, "child.pid");
        var commandLine = $"sleep 60 & echo $! > '{pidFile}'; wait";
        var module = CommandSetup.Create(CommandExecuterProbeFactory.Id, CommandSetup.Use("", commandLine, timeoutSeconds: 1));
        var output = new RecordingOutput();
        var clock = Stopwatch.StartNew();

        var run = async () => await module.RunAsync(new TriggerData(DateTimeOffset.UtcNow), output, CancellationToken.None);

        var thrown = (await run.Should().ThrowAsync<CommandTimedOutException>()).Which;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        thrown.Timeout.Should().Be(TimeSpan.FromSeconds(1));
        thrown.Command.Should().Be(commandLine);
        thrown.Message.Should().Be($"the command {commandLine} did not finish within 1 s (TimeoutSeconds) and was killed");
        output.Items.Should().BeEmpty();
        var childPid = int.Parse(await File.ReadAllTextAsync(pidFile), CultureInfo.InvariantCulture);
        await WaitUntilEndedAsync(childPid);
        CommandSetup.IsRunning(childPid).Should().BeFalse("the shell's child sleep belongs to the killed tree");
    }

    [Fact]
    public async Task RunAsync_BackgroundChildHoldsOutputOpen_EndsAtTheTimeoutInsteadOfWaiting()
    {
        var module = CommandSetup.Create(CommandExecuterProbeFactory.Id, CommandSetup.Use("", "(sleep 20 &); echo started", timeoutSeconds: 1));
        var clock = Stopwatch.StartNew();

        var run = async () => await CommandSetup.RunAsync(module);

        await run.Should().ThrowAsync<CommandTimedOutException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheProcessTreeAndThrowsOperationCanceled()
    {
        var pidFile = Path.Combine(_scratch.FullName, "child.pid");
        var module = CommandSetup.Create(CommandExecuterProbeFactory.Id, CommandSetup.Use("", $"sleep 60 & echo $! > '{pidFile}'; wait", timeoutSeconds: 120));
        using var cancellation = new CancellationTokenSource();
        var run = CommandSetup.RunAsync(module, null, cancellation.Token);
        await WaitForFileAsync(pidFile);

        await cancellation.CancelAsync();

        await ((Func<Task>)(() => run)).Should().ThrowAsync<OperationCanceledException>();
        var childPid = int.Parse(await File.ReadAllTextAsync(pidFile), CultureInfo.InvariantCulture);
        await WaitUntilEndedAsync(childPid);
        CommandSetup.IsRunning(childPid).Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_ThrowsStartExceptionNamingIt()
    {
        var module = CommandSetup.Create(CommandExecuterProbeFactory.Id, CommandSetup.Use("/opt/nowhere/check-tool", "--all"));

        var run = async () => await CommandSetup.RunAsync(module);

        var thrown = (await run.Should().ThrowAsync<CommandStartException>()).Which;
        thrown.Command.Should().Be("/opt/nowhere/check-tool --all");
        thrown.Message.Should().StartWith("the command /opt/nowhere/check-tool --all could not be started in ").And.Contain("monitoringhost-command-");
        thrown.InnerException.Should().NotBeNull();
    }

    [Fact]
    public async Task RunAsync_MissingWorkingDirectory_ThrowsStartExceptionNamingIt()
    {
        var missing = Path.Combine(_scratch.FullName, "absent");
        var module = CommandSetup.Create(CommandExecuterProbeFactory.Id, CommandSetup.Use("/bin/echo", "hi", workingDirectory: missing));

        var run = async () => await CommandSetup.RunAsync(module);

        (await run.Should().ThrowAsync<CommandStartException>()).Which.WorkingDirectory.Should().Be(missing);
    }

    [Fact]
    public async Task RunAsync_LargeOutputOnBothStreams_DoesNotDeadlockAndCapsEach()
    {
        // Standard error fills its pipe many times over before a byte goes to standard output.
        var commandLine = "head -c 6000000 /dev/zero | tr '\\0' e >&2; head -c 3000000 /dev/zero | tr '\\0' o; exit 7";

        var item = await CommandSetup.RunOnceAsync(CommandSetup.Use("", commandLine, timeoutSeconds: 60));

        item.StdOut.Length.Should().Be(3_000_000);
        item.StdOut.Should().Match(s => s.All(c => c == 'o'));
        item.StdErr.Length.Should().Be(CommandProcess.MaxCapturedChars);
        item.StdErr.Should().Match(s => s.All(c => c == 'e'));
        item.ExitCode.Should().Be(7);
    }

    private static async Task WaitForFileAsync(string path)
    {
        for (var i = 0; i < 200 && !(File.Exists(path) && new FileInfo(path).Length > 0); i++)
        {
            await Task.Delay(50);
        }
    }

    // A killed process is gone from /proc once the kernel has reaped it, which can take a moment.
    private static async Task WaitUntilEndedAsync(int pid)
    {
        for (var i = 0; i < 100 && CommandSetup.IsRunning(pid); i++)
        {
            await Task.Delay(50);
        }
    }
}
