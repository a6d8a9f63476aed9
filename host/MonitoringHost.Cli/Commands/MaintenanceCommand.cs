using System.CommandLine;
using System.Globalization;
using MonitoringHost.Cli.Api;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh maintenance start|stop|list</c> (SCOM's Start-SCOMMaintenanceMode and friends): effective at once, recursive
/// (the object and what it hosts or contains).
/// </summary>
public static class MaintenanceCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var objectId = new Argument<Guid>("objectId") { Description = "The object to put into maintenance" };
        var minutes = new Option<double?>("--minutes") { Description = "How long, in minutes (or give --until)" };
        var until = new Option<DateTimeOffset?>("--until") { Description = "When it ends, ISO 8601 (or give --minutes)" };
        var reason = new Option<string>("--reason") { Description = "SCOM's reason: PlannedOther, UnplannedOther, PlannedHardwareMaintenance, …", Required = true };
        var comment = new Option<string?>("--comment") { Description = "A comment" };
        var start = new Command("start", "Put an object, and what it hosts or contains, into maintenance now.") { objectId, minutes, until, reason, comment };
        var startApi = ApiOptions.AddTo(start, output, error);
        start.SetAction((result, cancellationToken) => startApi.RunAsync(result, async (client, json) =>
        {
            if (result.GetValue(minutes) is null == result.GetValue(until) is null)
            {
                throw new UsageException("give either --minutes or --until");
            }

            var started = await client.StartMaintenanceAsync(
                result.GetValue(objectId), new MaintenanceStart(result.GetValue(reason)!, result.GetValue(until), result.GetValue(minutes), result.GetValue(comment)), cancellationToken).ConfigureAwait(false);
            await (json
                ? startApi.PrintJsonAsync(started)
                : output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{started.Entered.Count} object(s) in maintenance: {string.Join(", ", started.Entered)}"))).ConfigureAwait(false);
        }));

        var stopId = new Argument<Guid>("objectId") { Description = "The object whose maintenance ends" };
        var stop = new Command("stop", "End an object's maintenance now.") { stopId };
        var stopApi = ApiOptions.AddTo(stop, output, error);
        stop.SetAction((result, cancellationToken) => stopApi.RunAsync(result, async (client, json) =>
        {
            var stopped = await client.StopMaintenanceAsync(result.GetValue(stopId), cancellationToken).ConfigureAwait(false);
            await (json
                ? stopApi.PrintJsonAsync(stopped)
                : output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{stopped.Left.Count} object(s) out of maintenance: {string.Join(", ", stopped.Left)}"))).ConfigureAwait(false);
        }));

        var list = new Command("list", "List the objects in maintenance.");
        var listApi = ApiOptions.AddTo(list, output, error);
        list.SetAction((result, cancellationToken) => listApi.RunAsync(result, async (client, json) =>
        {
            var windows = await client.ListMaintenanceAsync(cancellationToken).ConfigureAwait(false);
            await (json
                ? listApi.PrintJsonAsync(new ItemList<MaintenanceWindow>(windows))
                : Table.WriteAsync(output, ["OBJECT", "STARTED ON", "UNTIL", "REASON", "BY", "COMMENT"], windows.Select(w => (IReadOnlyList<string?>)
                    [w.ObjectId.ToString(), w.RootObjectId.ToString(), Table.Time(w.Until), w.Reason, w.By, w.Comment]))).ConfigureAwait(false);
        }));

        var command = new Command("maintenance", "Maintenance mode on a running server.");
        command.Subcommands.Add(start);
        command.Subcommands.Add(stop);
        command.Subcommands.Add(list);
        return command;
    }
}
