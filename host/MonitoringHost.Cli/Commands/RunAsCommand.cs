using System.CommandLine;
using MonitoringHost.Cli.Api;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh runas account add|list|remove</c> and <c>mh runas assign|unassign|assignments</c>. A secret never goes on the
/// command line (where other users and the shell's history would see it): it is read from standard input.
/// </summary>
public static class RunAsCommand
{
    public static Command Create(TextWriter output, TextWriter error, TextReader input)
    {
        var account = new Command("account", "Run As accounts: the credentials workflows use.");
        account.Subcommands.Add(Add(output, error, input));
        account.Subcommands.Add(List(output, error));
        account.Subcommands.Add(Remove(output, error));
        var command = new Command("runas", "Run As accounts and the profiles they are assigned to.");
        command.Subcommands.Add(account);
        command.Subcommands.Add(Assign(output, error));
        command.Subcommands.Add(Unassign(output, error));
        command.Subcommands.Add(Assignments(output, error));
        return command;
    }

    private static Command Add(TextWriter output, TextWriter error, TextReader input)
    {
        var name = new Argument<string>("name") { Description = "The account's name" };
        var kind = new Option<string>("--kind") { Description = "Windows, Basic, SshKey, SnmpCommunity, Certificate or Generic", Required = true };
        var fields = new Option<string[]>("--field") { Description = "A value that is not secret, Name=value (UserName=svc-monitor, Domain=CONTOSO); repeatable" };
        var secret = new Option<string?>("--secret-field") { Description = "The field whose value is read from standard input, one line (Password, CommunityString, Passphrase…)" };
        var keyFile = new Option<FileInfo?>("--private-key-file") { Description = "An SSH private key file (PEM or OpenSSH) for the PrivateKey field" };
        var id = new Option<Guid?>("--id") { Description = "A fixed id (the same id again replaces the account)" };
        var add = new Command("add", "Add a Run As account (or replace the one with --id).") { name, kind, fields, secret, keyFile, id };
        var api = ApiOptions.AddTo(add, output, error);
        add.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in result.GetValue(fields) ?? [])
            {
                var at = field.IndexOf('=', StringComparison.Ordinal);
                if (at < 1)
                {
                    throw new UsageException($"--field takes Name=value; '{field.Split('=')[0]}…' has no name or no '='");
                }

                values[field[..at]] = field[(at + 1)..];
            }

            if (result.GetValue(secret) is { } secretField)
            {
                values[secretField] = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new UsageException($"--secret-field {secretField}: standard input ended before a line with its value");
            }

            if (result.GetValue(keyFile) is { } file)
            {
                values["PrivateKey"] = await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            }

            var saved = await client.SaveRunAsAccountAsync(new RunAsAccountDefinition(result.GetValue(name)!, result.GetValue(kind)!, values, result.GetValue(id)), cancellationToken).ConfigureAwait(false);
            await (json ? api.PrintJsonAsync(saved) : output.WriteLineAsync($"saved {saved.Kind} account {saved.Name} ({saved.Id})")).ConfigureAwait(false);
        }));
        return add;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var list = new Command("list", "List the Run As accounts (never their values).");
        var api = ApiOptions.AddTo(list, output, error);
        list.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var accounts = await client.ListRunAsAccountsAsync(cancellationToken).ConfigureAwait(false);
            await (json
                ? api.PrintJsonAsync(new ItemList<RunAsAccountInfo>(accounts))
                : Table.WriteAsync(output, ["ID", "NAME", "KIND", "MODIFIED"], accounts.Select(a => (IReadOnlyList<string?>)[a.Id.ToString(), a.Name, a.Kind, Table.Time(a.Modified)]))).ConfigureAwait(false);
        }));
        return list;
    }

    private static Command Remove(TextWriter output, TextWriter error)
    {
        var id = new Argument<Guid>("id") { Description = "The account" };
        var remove = new Command("remove", "Delete a Run As account and its assignments.") { id };
        var api = ApiOptions.AddTo(remove, output, error);
        remove.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, _) =>
        {
            await client.DeleteRunAsAccountAsync(result.GetValue(id), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"deleted {result.GetValue(id)}").ConfigureAwait(false);
        }));
        return remove;
    }

    private static (Argument<string> Profile, Option<string> Scope, Option<string> Target) Assignment()
    {
        var profile = new Argument<string>("profile") { Description = "The profile, Pack!SecureReference" };
        var scope = new Option<string>("--scope") { Description = "class, group or object", Required = true };
        var target = new Option<string>("--target") { Description = "The class name, or the group's or object's id", Required = true };
        return (profile, scope, target);
    }

    private static Command Assign(TextWriter output, TextWriter error)
    {
        var (profile, scope, target) = Assignment();
        var account = new Option<Guid>("--account") { Description = "The Run As account", Required = true };
        var assign = new Command("assign", "Map a Run As profile to an account for a class, a group or an object.") { profile, scope, target, account };
        var api = ApiOptions.AddTo(assign, output, error);
        assign.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var saved = await client.AssignRunAsProfileAsync(
                new RunAsProfileAssignment(result.GetValue(profile)!, result.GetValue(scope)!, result.GetValue(target)!, result.GetValue(account)), cancellationToken).ConfigureAwait(false);
            await (json ? api.PrintJsonAsync(saved) : output.WriteLineAsync($"{saved.Profile} uses {saved.AccountId} for {saved.Scope} {saved.Target}")).ConfigureAwait(false);
        }));
        return assign;
    }

    private static Command Unassign(TextWriter output, TextWriter error)
    {
        var (profile, scope, target) = Assignment();
        var unassign = new Command("unassign", "Remove a Run As profile assignment.") { profile, scope, target };
        var api = ApiOptions.AddTo(unassign, output, error);
        unassign.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, _) =>
        {
            await client.UnassignRunAsProfileAsync(result.GetValue(profile)!, result.GetValue(scope)!, result.GetValue(target)!, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{result.GetValue(profile)} no longer assigned for {result.GetValue(scope)} {result.GetValue(target)}").ConfigureAwait(false);
        }));
        return unassign;
    }

    private static Command Assignments(TextWriter output, TextWriter error)
    {
        var list = new Command("assignments", "List the Run As profile assignments.");
        var api = ApiOptions.AddTo(list, output, error);
        list.SetAction((result, cancellationToken) => api.RunAsync(result, async (client, json) =>
        {
            var assignments = await client.ListRunAsAssignmentsAsync(cancellationToken).ConfigureAwait(false);
            await (json
                ? api.PrintJsonAsync(new ItemList<RunAsProfileAssignment>(assignments))
                : Table.WriteAsync(output, ["PROFILE", "SCOPE", "TARGET", "ACCOUNT"], assignments.Select(a => (IReadOnlyList<string?>)[a.Profile, a.Scope, a.Target, a.AccountId.ToString()]))).ConfigureAwait(false);
        }));
        return list;
    }
}
