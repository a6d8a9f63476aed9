using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Commands;

namespace MonitoringHost.Runtime.Tests.Modules.Commands;

public sealed class CommandExecuterTests
{
    // As a task writes it (FragmentLibrary Task.Agent.Command.mpx), for this host's shell.
    private const string TaskUse = """
        <WriteAction ID="CMDWA" TypeID="System!System.CommandExecuter">
          <ApplicationName>/bin/sh</ApplicationName>
          <WorkingDirectory />
          <CommandLine>-c "echo task ran; echo warning >&amp;2; exit 2"</CommandLine>
          <TimeoutSeconds>60</TimeoutSeconds>
          <RequireOutput>true</RequireOutput>
        </WriteAction>
        """;

    [Fact]
    public async Task RunAsync_TaskCommand_EmitsItsCommandOutputNotTheInput()
    {
        var module = CommandSetup.Create(CommandExecuterFactory.Id, TaskUse);
        var input = new PropertyBagData(DateTimeOffset.UtcNow, [new("State", "Critical")]);

        var items = await CommandSetup.RunAsync(module, input);

        var item = items.Should().ContainSingle().Which.Should().BeOfType<CommandOutputData>().Subject;
        item.StdOut.Should().Be("task ran\n");
        item.StdErr.Should().Be("warning\n");
        item.ExitCode.Should().Be(2);
        ((CommandRunner)module).Configuration.Timeout.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task RunAsync_Timeout_ThrowsLikeTheProbe()
    {
        var module = CommandSetup.Create(CommandExecuterFactory.Id, TaskUse.Replace("echo task ran; echo warning >&amp;2; exit 2", "sleep 30", StringComparison.Ordinal).Replace("60", "1", StringComparison.Ordinal));

        var run = async () => await CommandSetup.RunAsync(module);

        (await run.Should().ThrowAsync<CommandTimedOutException>()).Which.Command.Should().Be("/bin/sh -c \"sleep 30\"");
    }

    [Theory]
    [InlineData(CommandExecuterProbeFactory.Id)]
    [InlineData(CommandExecuterFactory.Id)]
    [InlineData(PassThroughProbeFactory.Id)]
    public void DefaultCatalog_CommandModules_AreFoundAndShareable(string typeId)
    {
        var factory = ModuleCatalog.Default.Find(typeId);

        factory.Should().NotBeNull();
        factory!.TypeId.Should().Be(typeId);
        factory.Shareable(TestRuntime.Setup(TaskUse, TimeProvider.System).Configuration).Should().BeTrue();
    }
}
