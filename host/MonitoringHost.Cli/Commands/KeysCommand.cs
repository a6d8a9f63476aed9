using System.CommandLine;
using System.Globalization;
using MonitoringHost.Storage;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh keys create|list|revoke</c>: API keys, managed on the store directly (as its administrator on the machine).
/// A key is printed once, when it is created; the store keeps only its hash.
/// </summary>
public static class KeysCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var keys = new Command("keys", "Manage the API keys of the SDK.");
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", ApiRoles.Names)}", Required = true };
        var name = new Option<string>("--name") { Description = "A name for the key (who or what uses it)", Required = true };
        var connector = new Option<Guid?>("--connector") { Description = "For a Connector key: the connector it is limited to" };
        var create = new Command("create", "Create a key and print it once.") { role, name, connector };
        AddStore(create, out var data, out var postgres);
        create.SetAction((result, cancellationToken) => WithKeysAsync(result, data, postgres, error, async store =>
        {
            var created = await store.CreateAsync(result.GetValue(name)!, ApiRoles.Parse(result.GetValue(role)!), Environment.UserName, result.GetValue(connector), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(created.Key).ConfigureAwait(false);
            await error.WriteLineAsync($"key '{created.Record.Name}' ({created.Record.Role}) created; it is shown only now: keep it somewhere safe").ConfigureAwait(false);
        }));

        var list = new Command("list", "List the keys (never their secrets).");
        AddStore(list, out var listData, out var listPostgres);
        list.SetAction((result, cancellationToken) => WithKeysAsync(result, listData, listPostgres, error, async store =>
        {
            await output.WriteLineAsync($"{"NAME",-32} {"ROLE",-17} {"PREFIX",-12} {"CREATED",-20} {"LAST USED",-20} REVOKED").ConfigureAwait(false);
            foreach (var key in await store.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{key.Name,-32} {key.Role,-17} {key.Prefix,-12} {key.Created:yyyy-MM-dd HH:mm:ss}  {Time(key.LastUsed),-20} {Time(key.Revoked)}")).ConfigureAwait(false);
            }
        }));

        var target = new Argument<string>("key") { Description = "The key's id or name" };
        var revoke = new Command("revoke", "Revoke a key: it stops working at once.") { target };
        AddStore(revoke, out var revokeData, out var revokePostgres);
        revoke.SetAction((result, cancellationToken) => WithKeysAsync(result, revokeData, revokePostgres, error, async store =>
        {
            var revoked = await store.RevokeAsync(result.GetValue(target)!, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"no key that is not revoked has the id or name '{result.GetValue(target)}'");
            await output.WriteLineAsync($"key '{revoked.Name}' revoked").ConfigureAwait(false);
        }));

        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        return keys;
    }

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";

    private static void AddStore(Command command, out Option<string?> data, out Option<string?> postgres)
    {
        data = new Option<string?>("--data") { Description = $"The folder of the SQLite store (default: {StoreOptions.DefaultDataFolder})" };
        postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string instead of the SQLite file" };
        command.Options.Add(data);
        command.Options.Add(postgres);
    }

    /// <summary>Opens the store, runs <paramref name="action"/> on its keys; a refused request is exit code 1 with its reason.</summary>
    private static async Task<int> WithKeysAsync(ParseResult result, Option<string?> data, Option<string?> postgres, TextWriter error, Func<ApiKeyStore, Task> action)
    {
        var options = result.GetValue(postgres) is { } connection
            ? new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connection }
            : new StoreOptions { DataFolder = result.GetValue(data) ?? StoreOptions.DefaultDataFolder };
        try
        {
            var store = await InstanceStoreFactory.OpenAsync(options, CancellationToken.None).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                await action(ApiKeyStore.For(store)).ConfigureAwait(false);
            }

            return 0;
        }
        catch (Exception e) when (e is ArgumentException or ApiKeyNameTakenException or StoreOptionsException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
