using System.CommandLine;
using Microsoft.Extensions.Hosting;
using MonitoringHost.Server;
using MonitoringHost.Storage;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// <c>mh serve</c>: runs a management server until Ctrl+C (or SIGTERM), then stops it gracefully: the API stops
/// taking requests, runs in progress finish, everything reported is committed, the store closes.
/// </summary>
public static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var packs = new Argument<string[]>("packs") { Description = "Pack files or folders to load besides the shipped packs", Arity = ArgumentArity.ZeroOrMore };
        var data = new Option<string?>("--data") { Description = $"The folder of the SQLite store (default: {StoreOptions.DefaultDataFolder})" };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string instead of the SQLite file" };
        var urls = new Option<string>("--urls") { Description = "Where the API listens", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var snmpTraps = new Option<string?>("--snmp-traps") { Description = "Listen for SNMP traps on address:port (0.0.0.0:162 needs root or CAP_NET_BIND_SERVICE)" };
        var command = new Command("serve", "Run a management server: monitor, keep health and alerts, serve the API.") { packs, data, postgres, urls, snmpTraps };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = result.GetValue(postgres) is { } connection
                ? new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connection }
                : new StoreOptions { DataFolder = result.GetValue(data) ?? StoreOptions.DefaultDataFolder };
            var options = new ServerOptions { Store = store, Packs = result.GetValue(packs) ?? [], Urls = result.GetValue(urls)!, SnmpTraps = result.GetValue(snmpTraps) };
            ManagementServer server;
            try
            {
                server = await ManagementServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ServerStartException or StoreOptionsException)
            {
                await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (System.Data.Common.DbException e)
            {
                await error.WriteLineAsync($"error: the store cannot be opened: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            await using (server.ConfigureAwait(false))
            {
                var app = ServerApp.Build(server);
                await using (app.ConfigureAwait(false))
                {
                    await app.StartAsync(cancellationToken).ConfigureAwait(false);
                    await output.WriteLineAsync(
                        $"MonitoringHost management server: {server.Space.Count} objects, {server.Host.InstanceCount} workflow instances; " +
                        $"store: {(store.Provider == StoreProvider.Sqlite ? store.DataFolder : "PostgreSQL")}; listening on {string.Join(", ", app.Urls)}. Ctrl+C stops it.").ConfigureAwait(false);
                    if (server.AdministratorKeyFile is { } file)
                    {
                        await output.WriteLineAsync($"First start: an administrator API key was written to {file} (readable only by you). Use it as: Authorization: Bearer <key>").ConfigureAwait(false);
                    }
                    else if (!server.HasAdministratorKey)
                    {
                        await output.WriteLineAsync("No administrator API key yet: create one with mh keys create --role Administrator --name <name> (with the same --postgres).").ConfigureAwait(false);
                    }

                    await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync("stopped").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
