using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MonitoringHost.Cli.Api;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh events [--since N] [--kinds …] [--count N]</c>: follows the server's change feed (<c>GET /events</c>), one
/// line per change as it commits, until Ctrl+C (or <c>--count</c> events). The client reconnects by itself after a
/// dropped connection or a server restart and misses nothing.
/// </summary>
public static class EventsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var since = new Option<long?>("--since") { Description = "Start after this change sequence (0: the whole feed); default: only what commits from now on" };
        var kinds = new Option<string?>("--kinds") { Description = "Only these kinds or families, comma-separated: alert.*,health.changed" };
        var count = new Option<int?>("--count") { Description = "Stop after this many events" };
        var command = new Command("events", "Follow every change the server commits: objects, health, alerts, maintenance.") { since, kinds, count };
        var api = ApiOptions.AddTo(command, output, error);
        command.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            if (result.GetValue(count) is <= 0)
            {
                throw new UsageException("--count is a positive number of events");
            }

            var left = result.GetValue(count);
            var asked = result.GetValue(kinds)?.Split(',', StringSplitOptions.TrimEntries);
            try
            {
                await foreach (var change in client.StreamEventsAsync(result.GetValue(since), asked, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(json ? JsonSerializer.Serialize(change, MonitoringHostJson.Options) : Line(change)).ConfigureAwait(false);
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                    if (--left == 0)
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: following the feed is what the command does until it is stopped.
            }
        }));
        return command;
    }

    /// <summary>One change for people: sequence, time, kind, subject and what it is about.</summary>
    private static string Line(ChangeEvent change) =>
        string.Create(CultureInfo.InvariantCulture, $"{change.Sequence}  {Table.Time(change.Time)}  {change.Kind}  {change.SubjectId}  {About(change)}").TrimEnd();

    private static string About(ChangeEvent change)
    {
        string? Named<T>(string field)
            where T : struct, Enum => int.TryParse(Text(field), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? Enum.GetName(typeof(T), number) ?? Text(field) : Text(field);
        string? Text(string field) => change.Data.ValueKind == JsonValueKind.Object && change.Data.TryGetProperty(field, out var value)
            ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Null or JsonValueKind.Undefined => null, _ => value.GetRawText() }
            : null;
        return change.Kind.Split('.')[0] switch
        {
            "alert" => $"{Named<Severity>("severity")} {Text("name")} (state {Text("resolutionState")})",
            "object" => $"{Text("className")} {Text("displayName")}",
            "relationship" => $"{Text("type")} {Text("sourceId")} -> {Text("targetId")}",
            "health" => $"{Text("monitorId")} {Named<HealthState>("oldState")} -> {Named<HealthState>("newState")}",
            "maintenance" => $"{Text("reason")} by {Text("by")}",
            _ => "",
        };
    }
}
