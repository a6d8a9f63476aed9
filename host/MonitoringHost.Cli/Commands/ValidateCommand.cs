using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Reading;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh mp validate &lt;files or folders&gt;</c>: loads the packs with the shipped libraries, prints every problem
/// compiler-style (or as JSON) and a summary, and exits 0 when there are no errors, 1 when there are, 2 on bad usage.
/// </summary>
public static class ValidateCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths") { Description = "Pack files (.xml), fragments (.mpx) or folders holding them", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text (compiler style) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var set = new Option<string[]>("--set") { Description = "Fill a ##Token## placeholder of a fragment template: --set CompanyID=Contoso", AllowMultipleArgumentsPerToken = false };
        var alias = new Option<string[]>("--alias") { Description = "Say which pack a fragment alias means: --alias Windows=Microsoft.Windows.Library" };
        var fragments = new Option<string>("--fragments") { Description = "per-folder: the fragments of a folder form one pack (default); each-file: every fragment is its own pack", DefaultValueFactory = _ => "per-folder" };
        fragments.AcceptOnlyFromAmong("per-folder", "each-file");
        var packId = new Option<string?>("--pack-id") { Description = "The ID of the pack that fragments merge into (default: the folder name)" };
        var libraries = new Option<string?>("--libraries") { Description = "The folder of library packs (default: the shipped packs/libraries)" };
        var maxSize = new Option<int>("--max-size-mb") { Description = "Refuse pack files larger than this", DefaultValueFactory = _ => (int)(ManagementPackReadOptions.DefaultMaxBytes / (1024 * 1024)) };

        var command = new Command("validate", "Check packs as an import would, and list every problem with file, line and code.")
        {
            paths, format, set, alias, fragments, packId, libraries, maxSize,
        };
        command.SetAction(result =>
        {
            var templateValues = Pairs(result.GetValue(set), "--set", error);
            var aliasMap = Pairs(result.GetValue(alias), "--alias", error);
            if (templateValues is null || aliasMap is null)
            {
                return 2;
            }

            var libraryFolder = result.GetValue(libraries) ?? ShippedLibraries.Locate();
            if (libraryFolder is null || !Directory.Exists(libraryFolder))
            {
                error.WriteLine("error: the library packs were not found; give their folder with --libraries");
                return 2;
            }

            var options = new ManagementPackReadOptions
            {
                TemplateValues = templateValues,
                AliasMap = aliasMap,
                FragmentPackId = result.GetValue(packId),
                MaxBytes = result.GetValue(maxSize) * 1024L * 1024L,
            };
            var grouping = result.GetValue(fragments) == "each-file" ? FragmentGrouping.EachFile : FragmentGrouping.PerFolder;
            var batch = ShippedLibraries.Read(libraryFolder);
            var loaded = PackSetLoader.Load(result.GetValue(paths)!, batch.Packs, options, grouping);
            var problems = batch.Problems.AddRange(loaded.Problems);
            var summary = loaded.Summary with
            {
                Errors = problems.Count(p => p.IsError),
                Warnings = problems.Count(p => !p.IsError),
            };

            if (result.GetValue(format) == "json")
            {
                WriteJson(output, problems, summary);
            }
            else
            {
                WriteText(output, problems, summary);
            }

            return summary.Errors > 0 ? 1 : 0;
        });
        return command;
    }

    private static void WriteText(TextWriter output, ImmutableArray<PackProblem> problems, PackSetSummary summary)
    {
        foreach (var problem in problems)
        {
            output.WriteLine(problem.ToString());
        }

        output.WriteLine(
            $"{summary.Packs} pack(s), {summary.Classes} class(es), {summary.Workflows} workflow(s): {summary.Errors} error(s), {summary.Warnings} warning(s)");
    }

    private static void WriteJson(TextWriter output, ImmutableArray<PackProblem> problems, PackSetSummary summary)
    {
        var document = new
        {
            summary,
            problems = problems.Select(p => new
            {
                path = p.Location.Path,
                line = p.Location.Line,
                column = p.Location.Column,
                severity = p.IsError ? "error" : "warning",
                code = p.Code,
                message = p.Message,
                elementId = p.ElementId,
                packId = p.PackId,
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, Json));
    }

    private static ImmutableDictionary<string, string>? Pairs(string[]? values, string option, TextWriter error)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error.WriteLine($"error: {option} takes Name=Value, not '{value}'");
                return null;
            }

            builder[value[..equals].Trim().Trim('#')] = value[(equals + 1)..];
        }

        return builder.ToImmutable();
    }
}
