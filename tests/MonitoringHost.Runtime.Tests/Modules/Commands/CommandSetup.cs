using System.Globalization;
using System.Security;
using System.Text;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules.Commands;

/// <summary>
/// Command modules made as the runtime makes them: the element of the module's use (as a pack writes it, after
/// <c>$Config</c> substitution), through the factory the default catalog finds for its type.
/// </summary>
internal static class CommandSetup
{
    public const string WorkflowId = "Contoso.Linux!Contoso.Linux.Command.Rule";

    public static ModuleInstance Create(string typeId, string xml) =>
        (ModuleCatalog.Default.Find(typeId) ?? throw new InvalidOperationException($"no native module for {typeId}"))
            .Create(TestRuntime.Setup(xml, TimeProvider.System, WorkflowId, "Command"));

    /// <summary>The element of a <c>System.CommandExecuterProbe</c> use; <paramref name="extra"/> is raw XML (SecureInput, Files).</summary>
    public static string Use(string applicationName, string commandLine, int timeoutSeconds = 30, bool requireOutput = false, string workingDirectory = "", string extra = "") => $"""
        <ProbeAction ID="Command" TypeID="System!System.CommandExecuterProbe">
          <ApplicationName>{SecurityElement.Escape(applicationName)}</ApplicationName>
          <WorkingDirectory>{SecurityElement.Escape(workingDirectory)}</WorkingDirectory>
          <CommandLine>{SecurityElement.Escape(commandLine)}</CommandLine>
          <TimeoutSeconds>{timeoutSeconds.ToString(CultureInfo.InvariantCulture)}</TimeoutSeconds>
          <RequireOutput>{(requireOutput ? "true" : "false")}</RequireOutput>
          {extra}
        </ProbeAction>
        """;

    public static string File(string name, string contents, bool? unicode = null)
    {
        var xml = new StringBuilder($"<File><Name>{SecurityElement.Escape(name)}</Name><Contents>{SecurityElement.Escape(contents)}</Contents>");
        if (unicode is { } value)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Unicode>{(value ? "true" : "false")}</Unicode>");
        }

        return xml.Append("</File>").ToString();
    }

    /// <summary>Runs <paramref name="module"/> once on a trigger and returns everything it emitted.</summary>
    public static async Task<IReadOnlyList<DataItem>> RunAsync(ModuleInstance module, DataItem? input = null, CancellationToken cancellationToken = default)
    {
        var output = new RecordingOutput();
        await module.RunAsync(input ?? new TriggerData(DateTimeOffset.UtcNow), output, cancellationToken);
        return output.Items;
    }

    /// <summary>Runs a probe made from <paramref name="xml"/> once and returns the one command output it emitted.</summary>
    public static async Task<CommandOutputData> RunOnceAsync(string xml, DataItem? input = null)
    {
        var items = await RunAsync(Create(Runtime.Modules.Commands.CommandExecuterProbeFactory.Id, xml), input);
        return items.Should().ContainSingle().Which.Should().BeOfType<CommandOutputData>().Subject;
    }

    /// <summary>Whether the process <paramref name="pid"/> is running: absent from /proc, or a zombie nobody reaped yet, is not.</summary>
    public static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (!System.IO.File.Exists(stat))
        {
            return false;
        }

        string text;
        try
        {
            text = System.IO.File.ReadAllText(stat);
        }
        catch (IOException)
        {
            return false; // it ended between the two calls
        }

        // "pid (comm) S …": the state follows the last ')'.
        return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
    }
}
