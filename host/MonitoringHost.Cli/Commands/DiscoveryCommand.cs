using System.CommandLine;
using System.Globalization;
using MonitoringHost.Cli.Api;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh discovery push &lt;file.json&gt;</c>: sends discovery data (the body of <c>POST /discovery-data</c>, API.md)
/// as it is in the file; the server checks it and applies it in one transaction.
/// </summary>
public static class DiscoveryCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "A JSON file: { mode, source, objects, relationships, removals }" };
        var push = new Command("push", "Submit discovery data from a JSON file.") { file };
        var api = ApiOptions.AddTo(push, output, error);
        push.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var path = result.GetValue(file)!;
            var text = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : throw new UsageException($"there is no file {path}");
            var applied = await client.SubmitDiscoveryDataAsync(text, cancellationToken).ConfigureAwait(false);
            await (json
                ? api.PrintJsonAsync(applied)
                : output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{applied.Created.Count} created, {applied.Updated.Count} updated, {applied.Removed.Count} removed"))).ConfigureAwait(false);
        }));

        var command = new Command("discovery", "Discovery data for a running server.");
        command.Subcommands.Add(push);
        return command;
    }
}
