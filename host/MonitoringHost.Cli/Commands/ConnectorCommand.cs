using System.CommandLine;
using System.Globalization;
using MonitoringHost.Cli.Api;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh connector register|list|show|subscribe|alerts</c>: connectors as an operator looks after them — register one
/// (its key is printed once), see how far each got, set what it receives, and read (and acknowledge) what waits for it.
/// </summary>
public static class ConnectorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("connector", "Connectors on a running server: what they receive and how far they got.");
        command.Subcommands.Add(Register(output, error));
        command.Subcommands.Add(List(output, error));
        command.Subcommands.Add(Show(output, error));
        command.Subcommands.Add(Subscribe(output, error));
        command.Subcommands.Add(Alerts(output, error));
        return command;
    }

    private static Command Register(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "Its unique name (Contoso.Itsm)" };
        var id = new Option<Guid?>("--id") { Description = "A fixed id, so that registering again finds the same connector" };
        var register = new Command("register", "Register a connector; its API key is printed once, on the first registration.") { name, id };
        var api = ApiOptions.AddTo(register, output, error);
        register.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var registered = await client.RegisterConnectorAsync(new ConnectorRegistration(result.GetValue(name)!, result.GetValue(id)), cancellationToken).ConfigureAwait(false);
            await (json
                ? api.PrintJsonAsync(registered)
                : output.WriteLineAsync(registered.ApiKey is { } key
                    ? $"registered {registered.Id}; its API key (shown this once): {key}"
                    : $"{registered.Id} was registered already; its key is the one given then")).ConfigureAwait(false);
        }));
        return register;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var list = new Command("list", "List the connectors.");
        var api = ApiOptions.AddTo(list, output, error);
        list.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var connectors = await client.ListConnectorsAsync(cancellationToken).ConfigureAwait(false);
            await (json
                ? api.PrintJsonAsync(new ItemList<Connector>(connectors))
                : Table.WriteAsync(output, ["ID", "NAME", "ENABLED", "CREATED"], connectors.Select(c => (IReadOnlyList<string?>)
                    [c.Id.ToString(), c.Name, c.Enabled ? "yes" : "no", Table.Time(c.Created)]))).ConfigureAwait(false);
        }));
        return list;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var id = new Argument<Guid>("id") { Description = "The connector" };
        var show = new Command("show", "How a connector's delivery stands: cursor, backlog, subscription, webhook.") { id };
        var api = ApiOptions.AddTo(show, output, error);
        show.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var connector = await client.GetConnectorAsync(result.GetValue(id), cancellationToken).ConfigureAwait(false);
            if (json)
            {
                await api.PrintJsonAsync(connector).ConfigureAwait(false);
                return;
            }

            var d = connector.Delivery!;
            var lines = new List<string>
            {
                $"{connector.Name} ({connector.Id}), {(connector.Enabled ? "enabled" : "disabled")}",
                string.Create(CultureInfo.InvariantCulture, $"acknowledged up to {d.AckedSequence}; {d.Behind} feed entries after it; {d.PendingAlerts} alert(s) waiting for an acknowledgement"),
                d.Subscription is { } s ? $"subscription: {Describe(s)}" : "subscription: none (only alerts marked for it)",
                d.Webhook is { } w
                    ? string.Create(CultureInfo.InvariantCulture, $"webhook: {w.Url}; {w.ConsecutiveFailures} failure(s) in a row; last error: {w.LastError ?? "-"}; last delivery: {Table.Time(w.LastDelivery)}")
                    : "webhook: none (it pulls)",
            };
            foreach (var line in lines)
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }
        }));
        return show;
    }

    private static Command Subscribe(TextWriter output, TextWriter error)
    {
        var id = new Argument<Guid>("id") { Description = "The connector" };
        var groups = new Option<Guid[]>("--group") { Description = "An object whose contents it receives (repeatable)" };
        var classes = new Option<string[]>("--class") { Description = "A class, with its derived classes (repeatable)" };
        var severities = new Option<string[]>("--severity") { Description = "Information, Warning or Error (repeatable)" };
        var priorities = new Option<string[]>("--priority") { Description = "Low, Normal or High (repeatable)" };
        var states = new Option<int[]>("--resolution-state") { Description = "A resolution state code (repeatable)" };
        var categories = new Option<string[]>("--category") { Description = "An alert category (repeatable)" };
        var criteria = new Option<string?>("--criteria") { Description = "A criteria expression over the alert's fields" };
        var own = new Option<bool>("--own-changes") { Description = "Also receive the changes it makes itself" };
        var subscribe = new Command("subscribe", "Set which alerts a connector receives (nothing given: every alert).")
            { id, groups, classes, severities, priorities, states, categories, criteria, own };
        var api = ApiOptions.AddTo(subscribe, output, error);
        subscribe.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            static IReadOnlyList<T>? Given<T>(T[]? values) => values is { Length: > 0 } ? values : null;
            var subscription = new ConnectorSubscription(
                Given(result.GetValue(groups)), Given(result.GetValue(classes)), Given(result.GetValue(severities)), Given(result.GetValue(priorities)),
                Given(result.GetValue(states)), Given(result.GetValue(categories)), result.GetValue(criteria), result.GetValue(own) ? true : null);
            var connector = await client.SetConnectorSubscriptionAsync(result.GetValue(id), subscription, cancellationToken).ConfigureAwait(false);
            await (json ? api.PrintJsonAsync(connector) : output.WriteLineAsync($"{connector.Name} receives {Describe(subscription)}")).ConfigureAwait(false);
        }));
        return subscribe;
    }

    private static Command Alerts(TextWriter output, TextWriter error)
    {
        var id = new Argument<Guid>("id") { Description = "The connector" };
        var limit = new Option<int?>("--limit") { Description = "At most this many changes (default 500)" };
        var wait = new Option<int?>("--wait") { Description = "Wait up to this many seconds for a change when none waits" };
        var ack = new Option<bool>("--ack") { Description = "Acknowledge the batch once printed" };
        var alerts = new Command("alerts", "Read the alert changes waiting for a connector (they come again until acknowledged).") { id, limit, wait, ack };
        var api = ApiOptions.AddTo(alerts, output, error);
        alerts.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var connector = result.GetValue(id);
            var page = await client.GetConnectorAlertsAsync(
                connector, null, result.GetValue(limit), result.GetValue(wait) is { } seconds ? TimeSpan.FromSeconds(seconds) : null, cancellationToken).ConfigureAwait(false);
            if (json)
            {
                await api.PrintJsonAsync(page).ConfigureAwait(false);
            }
            else
            {
                await Table.WriteAsync(output, ["SEQ", "CHANGE", "ALERT", "SEVERITY", "STATE", "BY", "NAME"], page.Items.Select(i => (IReadOnlyList<string?>)
                    [i.ChangeSeq.ToString(CultureInfo.InvariantCulture), i.Change, i.Id.ToString(), i.SeverityName, i.ResolutionState.ToString(CultureInfo.InvariantCulture), i.ChangedBy, i.Name])).ConfigureAwait(false);
            }

            if (result.GetValue(ack))
            {
                await client.AcknowledgeConnectorAlertsAsync(connector, page.Cursor, cancellationToken).ConfigureAwait(false);
                await error.WriteLineAsync($"acknowledged {page.Items.Count} change(s){(page.More ? "; more wait" : "")}").ConfigureAwait(false);
            }
        }));
        return alerts;
    }

    private static string Describe(ConnectorSubscription s)
    {
        var parts = new List<string>();
        void Add<T>(string label, IReadOnlyList<T>? values)
        {
            if (values is { Count: > 0 })
            {
                parts.Add($"{label} {string.Join(", ", values)}");
            }
        }

        Add("groups", s.Groups);
        Add("classes", s.Classes);
        Add("severities", s.Severities);
        Add("priorities", s.Priorities);
        Add("resolution states", s.ResolutionStates);
        Add("categories", s.Categories);
        if (!string.IsNullOrWhiteSpace(s.Criteria))
        {
            parts.Add($"criteria {s.Criteria}");
        }

        var what = parts.Count == 0 ? "every alert" : "alerts with " + string.Join("; ", parts);
        return s.ReceiveOwnChanges == true ? what + " (with its own changes)" : what;
    }
}
