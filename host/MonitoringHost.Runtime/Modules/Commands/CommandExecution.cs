using System.Diagnostics;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// One command as <c>System.CommandExecuterSchema</c> describes it, run once per input item: the files written to a
/// fresh folder, <c>$file/Name$</c> in ApplicationName and CommandLine replaced by their paths and <c>$Data/…$</c> in
/// CommandLine by the input's values, the command run, the folder deleted.
/// </summary>
/// <remarks>
/// How the command starts, on Linux and other Unix systems:
/// <list type="bullet">
/// <item>ApplicationName empty: <c>/bin/sh -c CommandLine</c>, the command line being shell text then.</item>
/// <item>Otherwise ApplicationName (<c>%VAR%</c> expanded, looked up on PATH when it has no folder) with CommandLine
/// split into arguments by Windows' rules (<see cref="CommandLineArguments"/>), as SCOM hands the same text to a
/// Windows program; no shell interprets it.</item>
/// </list>
/// On Windows the command line is passed as written, as SCOM does (through <c>cmd.exe /d /c</c> when ApplicationName is empty).
/// </remarks>
internal sealed class CommandExecution
{
    private readonly DataTemplate? _commandLine;

    public CommandExecution(CommandExecuterConfiguration configuration, TimeProvider time, ModuleConfiguration source)
    {
        Configuration = configuration;
        Time = time;
        try
        {
            // Only a command line with $Data tokens is rendered: "$$" in shell text (the shell's pid) stays as written.
            var template = DataTemplate.Parse(configuration.CommandLine);
            _commandLine = template.UsesData ? template : null;
        }
        catch (FormatException problem)
        {
            throw source.Problem("CommandLine", problem.Message);
        }
    }

    public CommandExecuterConfiguration Configuration { get; }

    public TimeProvider Time { get; }

    /// <summary>The command's output, or null when RequireOutput is set and the command wrote nothing to standard output.</summary>
    public async Task<CommandOutputData?> RunAsync(DataItem input, CancellationToken cancellationToken)
    {
        var commandLine = _commandLine?.Render(input) ?? Configuration.CommandLine;
        using var folder = await CommandRunFolder.CreateAsync(Configuration.Files, cancellationToken).ConfigureAwait(false);
        var applicationName = Environment.ExpandEnvironmentVariables(WithFilePaths(Configuration.ApplicationName, folder));
        commandLine = WithFilePaths(commandLine, folder);
        var workingDirectory = Configuration.WorkingDirectory.Length == 0 ? folder.Path : Environment.ExpandEnvironmentVariables(Configuration.WorkingDirectory);

        var startInfo = StartInfo(applicationName, commandLine);
        startInfo.WorkingDirectory = workingDirectory;
        var command = applicationName.Length == 0 ? commandLine : $"{applicationName} {commandLine}".TrimEnd();
        var result = await CommandProcess.RunAsync(startInfo, command, Configuration.SecureInput, Configuration.Timeout, Time, cancellationToken)
            .ConfigureAwait(false);

        return Configuration.RequireOutput && result.StdOut.Length == 0
            ? null
            : new CommandOutputData(Time.GetUtcNow(), result.StdOut, result.StdErr, result.ExitCode);
    }

    private static ProcessStartInfo StartInfo(string applicationName, string commandLine)
    {
        if (OperatingSystem.IsWindows())
        {
            return applicationName.Length == 0
                ? new ProcessStartInfo("cmd.exe") { Arguments = $"/d /c {commandLine}" }
                : new ProcessStartInfo(applicationName) { Arguments = commandLine };
        }

        return applicationName.Length == 0
            ? new ProcessStartInfo("/bin/sh", ["-c", commandLine])
            : new ProcessStartInfo(applicationName, CommandLineArguments.Split(commandLine));
    }

    private string WithFilePaths(string text, CommandRunFolder folder)
    {
        if (Configuration.Files.IsEmpty || !text.Contains("$file/", StringComparison.Ordinal))
        {
            return text;
        }

        foreach (var file in Configuration.Files)
        {
            text = text.Replace($"$file/{file.Name}$", folder.FilePath(file.Name), StringComparison.Ordinal);
        }

        return text;
    }
}
