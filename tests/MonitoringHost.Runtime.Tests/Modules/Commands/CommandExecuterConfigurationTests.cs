using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Commands;

namespace MonitoringHost.Runtime.Tests.Modules.Commands;

public sealed class CommandExecuterConfigurationTests
{
    [Fact]
    public void Create_PackConfiguration_ReadsEveryField()
    {
        var files = $"<Files>{CommandSetup.File("a.sh", "  echo a  \n")}{CommandSetup.File("b.txt", "b", unicode: true)}</Files>";
        var xml = CommandSetup.Use("%windir%\\system32\\cscript.exe", " //nologo $file/a.sh$ ", 45, true, "C:\\Temp", $"<SecureInput> secret </SecureInput>{files}");

        var configuration = ((CommandRunner)CommandSetup.Create(CommandExecuterProbeFactory.Id, xml)).Configuration;

        configuration.ApplicationName.Should().Be("%windir%\\system32\\cscript.exe");
        configuration.CommandLine.Should().Be("//nologo $file/a.sh$");
        configuration.WorkingDirectory.Should().Be("C:\\Temp");
        configuration.SecureInput.Should().Be(" secret ");
        configuration.Timeout.Should().Be(TimeSpan.FromSeconds(45));
        configuration.RequireOutput.Should().BeTrue();
        configuration.Files.Should().Equal(new CommandFile("a.sh", "  echo a  \n", false), new CommandFile("b.txt", "b", true));
    }

    [Fact]
    public void Create_EmptyOptionalFields_AreEmptyOrNull()
    {
        // As Diagnostics packs write it (tasklist with no arguments).
        const string xml = """
            <ProbeAction ID="Command" TypeID="System!System.CommandExecuterProbe">
              <ApplicationName>/usr/bin/uptime</ApplicationName>
              <WorkingDirectory />
              <CommandLine />
              <TimeoutSeconds>15</TimeoutSeconds>
              <RequireOutput>true</RequireOutput>
            </ProbeAction>
            """;

        var configuration = ((CommandRunner)CommandSetup.Create(CommandExecuterProbeFactory.Id, xml)).Configuration;

        configuration.CommandLine.Should().BeEmpty();
        configuration.WorkingDirectory.Should().BeEmpty();
        configuration.SecureInput.Should().BeNull();
        configuration.Files.Should().BeEmpty();
    }

    [Fact]
    public void ToString_WithSecureInput_DoesNotShowIt()
    {
        var xml = CommandSetup.Use("/bin/cat", "", extra: $"<SecureInput>hunter2</SecureInput><Files>{CommandSetup.File("x.sh", "echo")}</Files>");

        var text = ((CommandRunner)CommandSetup.Create(CommandExecuterProbeFactory.Id, xml)).Configuration.ToString();

        text.Should().NotContain("hunter2").And.Contain("SecureInput = (hidden)").And.Contain("ApplicationName = /bin/cat").And.Contain("Files = [x.sh]");
    }

    [Theory]
    [InlineData("<ApplicationName/><WorkingDirectory/><CommandLine/><TimeoutSeconds>5</TimeoutSeconds><RequireOutput>true</RequireOutput>", "CommandLine", "is empty and so is ApplicationName: there is nothing to run")]
    [InlineData("<ApplicationName>ls</ApplicationName><CommandLine/><RequireOutput>true</RequireOutput>", "TimeoutSeconds", "is missing or empty")]
    [InlineData("<ApplicationName>ls</ApplicationName><TimeoutSeconds>0</TimeoutSeconds><RequireOutput>true</RequireOutput>", "TimeoutSeconds", "0 is not a timeout (1 to 2147483 seconds)")]
    [InlineData("<ApplicationName>ls</ApplicationName><TimeoutSeconds>soon</TimeoutSeconds><RequireOutput>true</RequireOutput>", "TimeoutSeconds", "'soon' is not a whole number")]
    [InlineData("<ApplicationName>ls</ApplicationName><TimeoutSeconds>5</TimeoutSeconds>", "RequireOutput", "is missing or empty")]
    [InlineData("<ApplicationName>ls</ApplicationName><TimeoutSeconds>5</TimeoutSeconds><RequireOutput>yes</RequireOutput>", "RequireOutput", "'yes' is not true or false")]
    [InlineData("<CommandLine>echo $Data[0]/x$</CommandLine><TimeoutSeconds>5</TimeoutSeconds><RequireOutput>true</RequireOutput>", "CommandLine", "'$Data[0]/x$' is not a data token ($Data/Path$ or $Data[Default='value']/Path$)")]
    public void Create_BadConfiguration_NamesTheField(string body, string field, string problem)
    {
        var create = () => CommandSetup.Create(CommandExecuterProbeFactory.Id, $"<ProbeAction ID=\"Command\" TypeID=\"System!System.CommandExecuterProbe\">{body}</ProbeAction>");

        var thrown = create.Should().Throw<ModuleConfigurationException>().Which;
        thrown.Field.Should().Be(field);
        thrown.Problem.Should().Be(problem);
        thrown.WorkflowId.Should().Be(CommandSetup.WorkflowId);
        thrown.ModuleId.Should().Be("Command");
    }

    [Theory]
    [InlineData("../escape.sh", "'../escape.sh' is not a file name (no folders, not empty)")]
    [InlineData("sub/x.sh", "'sub/x.sh' is not a file name (no folders, not empty)")]
    [InlineData("..", "'..' is not a file name (no folders, not empty)")]
    [InlineData("", "'' is not a file name (no folders, not empty)")]
    public void Create_FileNameOutsideTheRunFolder_IsRefused(string name, string problem)
    {
        var create = () => CommandSetup.Create(CommandExecuterProbeFactory.Id, CommandSetup.Use("", "ls", extra: $"<Files>{CommandSetup.File(name, "x")}</Files>"));

        var thrown = create.Should().Throw<ModuleConfigurationException>().Which;
        thrown.Field.Should().Be("Files/File/Name");
        thrown.Problem.Should().Be(problem);
    }

    [Fact]
    public void Create_SameFileNameTwice_IsRefused()
    {
        var create = () => CommandSetup.Create(CommandExecuterProbeFactory.Id, CommandSetup.Use("", "ls", extra: $"<Files>{CommandSetup.File("a", "1")}{CommandSetup.File("a", "2")}</Files>"));

        create.Should().Throw<ModuleConfigurationException>().Which.Problem.Should().Be("'a' is given twice");
    }
}
