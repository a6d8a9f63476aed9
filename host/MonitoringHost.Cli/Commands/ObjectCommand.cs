using System.CommandLine;
using MonitoringHost.Cli.Api;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh object list|health</c> (SCOM's Get-SCOMClassInstance and the health explorer): monitoring objects with
/// their health, from a running server.
/// </summary>
public static class ObjectCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var className = new Option<string?>("--class") { Description = "Only objects of this class (and classes derived from it)" };
        var criteria = new Option<string?>("--criteria") { Description = "SCOM criteria over the objects' fields" };
        var list = new Command("list", "List monitoring objects with their health.") { className, criteria };
        var listApi = ApiOptions.AddTo(list, output, error);
        list.SetAction((result, cancellationToken) => listApi.RunAsync(result, async (client, json) =>
        {
            var objects = new List<MonitoringObject>();
            await foreach (var item in client.GetObjectsAsync(result.GetValue(className), result.GetValue(criteria), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                objects.Add(item);
            }

            if (json)
            {
                await listApi.PrintJsonAsync(new ListPage<MonitoringObject>(objects)).ConfigureAwait(false);
                return;
            }

            await Table.WriteAsync(output, ["DISPLAY NAME", "CLASS", "HEALTH", "MAINTENANCE", "ID"], objects.Select(o => (IReadOnlyList<string?>)
                [o.DisplayName, o.ClassName, o.HealthStateName, o.InMaintenanceMode ? "yes" : "no", o.Id.ToString()])).ConfigureAwait(false);
        }));

        var id = new Argument<Guid>("id") { Description = "The object's id" };
        var health = new Command("health", "Show an object's monitor tree (the health explorer).") { id };
        var healthApi = ApiOptions.AddTo(health, output, error);
        health.SetAction((result, cancellationToken) => healthApi.RunAsync(result, async (client, json) =>
        {
            var tree = await client.GetHealthAsync(result.GetValue(id), cancellationToken).ConfigureAwait(false);
            if (json)
            {
                await healthApi.PrintJsonAsync(tree).ConfigureAwait(false);
                return;
            }

            await Table.WriteAsync(output, ["MONITOR", "HEALTH", "KIND", "LAST CHANGED"], Flatten(tree, 0)).ConfigureAwait(false);
        }));

        var command = new Command("object", "Work with the monitoring objects of a running server.");
        command.Subcommands.Add(list);
        command.Subcommands.Add(health);
        return command;
    }

    /// <summary>The tree's rows, children indented under their parent.</summary>
    private static IEnumerable<IReadOnlyList<string?>> Flatten(HealthExplorerNode node, int depth) =>
        node.Children.SelectMany(c => Flatten(c, depth + 1)).Prepend(
            [$"{new string(' ', depth * 2)}{node.Name} ({node.MonitorId})", node.HealthStateName, node.Kind, Table.Time(node.LastChanged)]);
}
