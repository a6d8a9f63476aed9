using System.CommandLine;
using MonitoringHost.Cli.Api;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh alert list|create|set|resolve</c> (SCOM's Get-SCOMAlert, Set-SCOMAlert, Resolve-SCOMAlert, and Orchestrator's
/// Create Alert): alerts of a running server. <c>set</c> and <c>resolve</c> first read every alert named, so that an
/// unknown id changes none of them.
/// </summary>
public static class AlertCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var criteria = new Option<string?>("--criteria") { Description = "SCOM criteria over the alerts' fields" };
        var open = new Option<bool>("--open") { Description = "Only alerts that are not closed" };
        var list = new Command("list", "List alerts.") { criteria, open };
        var listApi = ApiOptions.AddTo(list, output, error);
        list.SetAction((result, cancellationToken) => listApi.RunAsync(result, async (client, json) =>
        {
            var alerts = new List<MonitoringAlert>();
            await foreach (var alert in client.GetAlertsAsync(result.GetValue(criteria), open: result.GetValue(open) ? true : null, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                alerts.Add(alert);
            }

            if (json)
            {
                await listApi.PrintJsonAsync(new ListPage<MonitoringAlert>(alerts)).ConfigureAwait(false);
                return;
            }

            await Table.WriteAsync(output, ["SEVERITY", "STATE", "NAME", "OBJECT", "OWNER", "LAST MODIFIED", "ID"], alerts.Select(a => (IReadOnlyList<string?>)
                [a.SeverityName, State(a.ResolutionState), a.Name, a.MonitoringObjectDisplayName, a.Owner, Table.Time(a.LastModified), a.Id.ToString()])).ConfigureAwait(false);
        }));

        var ids = new Argument<Guid[]>("id") { Description = "The alerts' ids", Arity = ArgumentArity.OneOrMore };
        var state = new Option<int?>("--resolution-state") { Description = "0 New, 255 Closed, 1–254 custom" };
        var owner = new Option<string?>("--owner") { Description = "The new owner" };
        var ticket = new Option<string?>("--ticket-id") { Description = "The ticket that tracks the alert" };
        var comment = new Option<string?>("--comment") { Description = "A comment kept in the alert's history" };
        var set = new Command("set", "Change alerts: resolution state, owner, ticket id.") { ids, state, owner, ticket, comment };
        var setApi = ApiOptions.AddTo(set, output, error);
        set.SetAction((result, cancellationToken) => setApi.RunAsync(result, (client, json) =>
        {
            var change = new AlertChange(result.GetValue(state), result.GetValue(owner), result.GetValue(ticket), result.GetValue(comment));
            return change is { ResolutionState: null, Owner: null, TicketId: null }
                ? throw new UsageException("nothing to change: give --resolution-state, --owner or --ticket-id")
                : UpdateAsync(client, setApi, result.GetValue(ids)!, change, json, cancellationToken);
        }));

        var resolveIds = new Argument<Guid[]>("id") { Description = "The alerts' ids", Arity = ArgumentArity.OneOrMore };
        var resolveComment = new Option<string?>("--comment") { Description = "A comment kept in the alert's history" };
        var resolve = new Command("resolve", "Close alerts (resolution state 255).") { resolveIds, resolveComment };
        var resolveApi = ApiOptions.AddTo(resolve, output, error);
        resolve.SetAction((result, cancellationToken) => resolveApi.RunAsync(result, (client, json) =>
            UpdateAsync(client, resolveApi, result.GetValue(resolveIds)!, new AlertChange(ResolutionStates.Closed, Comment: result.GetValue(resolveComment)), json, cancellationToken)));

        var command = new Command("alert", "Work with the alerts of a running server.");
        command.Subcommands.Add(list);
        command.Subcommands.Add(CreateAlert(output, error));
        command.Subcommands.Add(set);
        command.Subcommands.Add(resolve);
        return command;
    }

    /// <summary><c>mh alert create</c>: <c>POST /api/v1/alerts</c>, the alert a runbook raises on its failure branch.</summary>
    private static Command CreateAlert(TextWriter output, TextWriter error)
    {
        var objectId = new Argument<Guid>("objectId") { Description = "The object the alert is about" };
        var name = new Option<string>("--name") { Description = "The alert's name", Required = true };
        var severity = new Option<string>("--severity") { Description = "Information, Warning or Error", Required = true };
        var priority = new Option<string?>("--priority") { Description = "Low, Normal (default) or High" };
        var description = new Option<string?>("--description") { Description = "What happened" };
        var owner = new Option<string?>("--owner") { Description = "Who owns it" };
        var ticket = new Option<string?>("--ticket-id") { Description = "The ticket that tracks it" };
        var category = new Option<string?>("--category") { Description = "Its category" };
        var create = new Command("create", "Raise an alert on an object.") { objectId, name, severity, priority, description, owner, ticket, category };
        var api = ApiOptions.AddTo(create, output, error);
        create.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var alert = await client.CreateAlertAsync(
                new NewAlert(result.GetValue(name)!, result.GetValue(severity)!, result.GetValue(objectId), Description: result.GetValue(description),
                    Priority: result.GetValue(priority), Owner: result.GetValue(owner), TicketId: result.GetValue(ticket)) { Category = result.GetValue(category) },
                cancellationToken).ConfigureAwait(false);
            await (json ? api.PrintJsonAsync(alert) : output.WriteLineAsync(alert.Id.ToString())).ConfigureAwait(false);
        }));
        return create;
    }

    private static string State(int code) => code switch
    {
        ResolutionStates.New => "New",
        ResolutionStates.Closed => "Closed",
        _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Checks that every alert exists, then changes each one, printing it as changed.</summary>
    private static async Task UpdateAsync(MonitoringHostClient client, ApiOptions api, Guid[] ids, AlertChange change, bool json, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await client.GetAlertAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var updated = new List<MonitoringAlert>();
        foreach (var id in ids)
        {
            updated.Add(await client.UpdateAlertAsync(id, change, cancellationToken: cancellationToken).ConfigureAwait(false));
        }

        if (json)
        {
            await api.PrintJsonAsync(new ItemList<MonitoringAlert>(updated)).ConfigureAwait(false);
            return;
        }

        await Table.WriteAsync(api.Output, ["ID", "STATE", "OWNER", "TICKET", "NAME"], updated.Select(a => (IReadOnlyList<string?>)
            [a.Id.ToString(), State(a.ResolutionState), a.Owner, a.TicketId, a.Name])).ConfigureAwait(false);
    }
}
