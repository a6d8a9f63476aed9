using System.CommandLine;
using System.Net;
using System.Text.Json;
using MonitoringHost.Sdk;
using MonitoringHost.Storage;

namespace MonitoringHost.Cli.Api;

/// <summary>
/// The options every command that calls a server has (<c>--server</c>, <c>--key</c>, <c>--data</c>, <c>--json</c>),
/// and how such a command runs: find the server and key, call it, print, and turn every failure into its exit code
/// with the reason on stderr.
/// </summary>
public sealed class ApiOptions
{
    private static readonly JsonSerializerOptions Printed = new(MonitoringHostJson.Options) { WriteIndented = true };

    private ApiOptions(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    public Option<string?> Server { get; } = new("--server") { Description = $"The management server (default: ${ServerConnection.ServerVariable}, else http://127.0.0.1:5080)" };

    public Option<string?> Key { get; } = new("--key") { Description = $"An API key (default: ${ServerConnection.KeyVariable}, else the administrator.key that mh serve wrote in --data)" };

    public Option<string?> Data { get; } = new("--data") { Description = $"The data folder of the server whose administrator.key to use (default: {StoreOptions.DefaultDataFolder})" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the API's JSON instead of a table" };

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public static ApiOptions AddTo(Command command, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new ApiOptions(output, error);
        command.Options.Add(options.Server);
        command.Options.Add(options.Key);
        command.Options.Add(options.Data);
        command.Options.Add(options.Json);
        return options;
    }

    /// <summary>Prints <paramref name="value"/> as the API's JSON.</summary>
    public Task PrintJsonAsync<T>(T value) => Output.WriteLineAsync(JsonSerializer.Serialize(value, Printed));

    /// <summary>Runs <paramref name="action"/> with a client of the server; its exit code, or the failure's.</summary>
    public async Task<int> RunAsync(ParseResult result, Func<MonitoringHostClient, bool, Task> action)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            var connection = ServerConnection.Resolve(result.GetValue(Server), result.GetValue(Key), result.GetValue(Data));
            using var client = new MonitoringHostClient(connection.Server, connection.Key);
            await action(client, result.GetValue(Json)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (MonitoringHostApiException e)
        {
            await Error.WriteLineAsync($"error: {(int)e.Status} {e.Problem.Title}: {e.Problem.Detail}").ConfigureAwait(false);
            foreach (var problem in e.Errors)
            {
                await Error.WriteLineAsync($"  {problem}").ConfigureAwait(false);
            }

            return e.Status == HttpStatusCode.NotFound ? ExitCodes.NotFound : ExitCodes.Refused;
        }
        catch (Exception e) when (e is MonitoringHostUnreachableException or MissingKeyException)
        {
            await Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Unreachable;
        }
        catch (Exception e) when (e is UsageException or FileNotFoundException or DirectoryNotFoundException)
        {
            await Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }
}
