using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;

namespace Itsm.Connector;

/// <summary>
/// Connects the connector: its own key from <see cref="ConnectorOptions.ApiKeyFile"/>, or, the first time, registers it
/// with an Administrator key and keeps the key it is given there; then sets its subscription: the one configured, else
/// the union of the routing rules.
/// </summary>
public static class ConnectorSetup
{
    /// <summary>The environment variable with an Administrator key, when no <see cref="ConnectorOptions.AdminKeyFile"/> is set.</summary>
    public const string AdminKeyVariable = "MH_ADMIN_KEY";

    /// <summary>A client calling the server with the connector's own key, its subscription set.</summary>
    /// <param name="options">The configuration.</param>
    /// <param name="http">The HttpClient for the server.</param>
    /// <param name="output">Where the first registration says where the key went.</param>
    /// <param name="cancellationToken">Cancels the setup.</param>
    /// <exception cref="InvalidOperationException">There is no key and no way to get one.</exception>
    public static async Task<MonitoringHostClient> ConnectAsync(ConnectorOptions options, HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var key = File.Exists(options.ApiKeyFile)
            ? (await File.ReadAllTextAsync(options.ApiKeyFile, cancellationToken).ConfigureAwait(false)).Trim()
            : await RegisterAsync(options, http, output, cancellationToken).ConfigureAwait(false);
        var client = new MonitoringHostClient(options.MonitoringHostUrl!, key, http);
        await client.SetConnectorSubscriptionAsync(options.ConnectorId, options.Subscription ?? options.Routing().Union(), cancellationToken).ConfigureAwait(false);
        return client;
    }

    private static async Task<string> RegisterAsync(ConnectorOptions options, HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        var adminKey = options.AdminKeyFile is { } file
            ? (await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)).Trim()
            : Environment.GetEnvironmentVariable(AdminKeyVariable)
                ?? throw new InvalidOperationException(
                    $"there is no connector key at {options.ApiKeyFile}, and no Administrator key to register the connector with: set adminKeyFile in the configuration or {AdminKeyVariable}");
        using var admin = new MonitoringHostClient(options.MonitoringHostUrl!, adminKey, http);
        var registered = await admin.RegisterConnectorAsync(
            new ConnectorRegistration(options.ConnectorName, options.ConnectorId, Description: "Alerts become incidents in the ITSM service, and back"), cancellationToken)
            .ConfigureAwait(false);
        if (registered.ApiKey is null)
        {
            throw new InvalidOperationException(
                $"connector {options.ConnectorId} was registered before, and its key (shown only then) is not at {options.ApiKeyFile}: " +
                $"put it there, or delete the connector (DELETE /api/v1/connectors/{options.ConnectorId}) and run again");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(options.ApiKeyFile)!);
        await File.WriteAllTextAsync(options.ApiKeyFile, registered.ApiKey + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(options.ApiKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await output.WriteLineAsync($"Registered connector {options.ConnectorName} ({options.ConnectorId}); its API key is stored in {options.ApiKeyFile}".AsMemory(), cancellationToken)
            .ConfigureAwait(false);
        return registered.ApiKey;
    }
}
