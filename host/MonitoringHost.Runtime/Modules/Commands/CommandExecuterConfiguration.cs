using System.Collections.Immutable;
using System.Text;

namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// The configuration <c>System.CommandExecuterProbe</c> and <c>System.CommandExecuter</c> share: what to run
/// (<c>ApplicationName</c>, <c>CommandLine</c>, <c>WorkingDirectory</c>), what to give it (<c>SecureInput</c> on
/// standard input, <c>Files</c>), how long it may take (<c>TimeoutSeconds</c>) and whether empty standard output
/// counts as no output (<c>RequireOutput</c>).
/// </summary>
public sealed record CommandExecuterConfiguration
{
    /// <summary>The longest timeout accepted: what a cancellation timer can hold.</summary>
    public const long MaxTimeoutSeconds = int.MaxValue / 1000;

    private static readonly char[] FileNameSeparators = ['/', '\\'];

    /// <summary>The program to run; empty runs <see cref="CommandLine"/> through <c>/bin/sh -c</c>.</summary>
    public required string ApplicationName { get; init; }

    /// <summary>Where the command runs; empty runs it in the run's own temporary folder (where the files are).</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The arguments as one string, split with the Windows rules (see <see cref="CommandLineArguments"/>).</summary>
    public required string CommandLine { get; init; }

    /// <summary>Written to the command's standard input, then closed; null closes standard input at once.</summary>
    public string? SecureInput { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required bool RequireOutput { get; init; }

    public ImmutableArray<CommandFile> Files { get; init; } = [];

    public static CommandExecuterConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var applicationName = configuration.Optional("ApplicationName") ?? "";
        var commandLine = configuration.Optional("CommandLine") ?? "";
        if (applicationName.Length == 0 && commandLine.Length == 0)
        {
            throw configuration.Problem("CommandLine", "is empty and so is ApplicationName: there is nothing to run");
        }

        var timeoutSeconds = configuration.RequiredInteger("TimeoutSeconds");
        if (timeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            throw configuration.Problem("TimeoutSeconds", $"{timeoutSeconds} is not a timeout (1 to {MaxTimeoutSeconds} seconds)");
        }

        return new CommandExecuterConfiguration
        {
            ApplicationName = applicationName,
            WorkingDirectory = configuration.Optional("WorkingDirectory") ?? "",
            CommandLine = commandLine,

            // Not trimmed: what the command reads is exactly what the pack wrote.
            SecureInput = configuration.Child("SecureInput")?.Value,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            RequireOutput = configuration.OptionalBoolean("RequireOutput") ?? throw configuration.Problem("RequireOutput", "is missing or empty"),
            Files = ReadFiles(configuration),
        };
    }

    // SecureInput holds credentials ($RunAs tokens): a configuration written to a log must not show it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ApplicationName = ").Append(ApplicationName)
            .Append(", WorkingDirectory = ").Append(WorkingDirectory)
            .Append(", CommandLine = ").Append(CommandLine)
            .Append(", SecureInput = ").Append(SecureInput is null ? "(none)" : "(hidden)")
            .Append(", Timeout = ").Append(Timeout)
            .Append(", RequireOutput = ").Append(RequireOutput)
            .Append(", Files = [").AppendJoin(", ", Files.Select(f => f.Name)).Append(']');
        return true;
    }

    private static ImmutableArray<CommandFile> ReadFiles(ModuleConfiguration configuration)
    {
        if (configuration.Child("Files") is not { } files)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<CommandFile>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Elements().Where(e => e.Name.LocalName == "File"))
        {
            var fields = new ModuleConfiguration(file, configuration.WorkflowId, configuration.ModuleId);
            var name = fields.Optional("Name") ?? "";

            // The name is joined to the run's folder: anything that could leave it is refused.
            if (name.Length == 0 || name is "." or ".." || name.IndexOfAny(FileNameSeparators) >= 0 || name.Contains('\0', StringComparison.Ordinal))
            {
                throw configuration.Problem("Files/File/Name", $"'{name}' is not a file name (no folders, not empty)");
            }

            if (!names.Add(name))
            {
                throw configuration.Problem("Files/File/Name", $"'{name}' is given twice");
            }

            var contents = fields.Child("Contents")?.Value ?? throw configuration.Problem("Files/File/Contents", $"is missing for '{name}'");
            result.Add(new CommandFile(name, contents, fields.OptionalBoolean("Unicode") ?? false));
        }

        return result.ToImmutable();
    }
}
