using MonitoringHost.Server;
using MonitoringHost.Storage;

namespace MonitoringHost.Cli.Api;

/// <summary>
/// Where <c>mh</c> finds the server and its key with no setup: the server from <c>--server</c>, else
/// <c>MH_SERVER</c>, else <c>http://127.0.0.1:5080</c> (where <c>mh serve</c> listens by default); the key from
/// <c>--key</c>, else <c>MH_API_KEY</c>, else the administrator key the first <c>mh serve</c> wrote into its data
/// folder (<c>--data</c>, else the same default folder <c>mh serve</c> uses).
/// </summary>
public sealed record ServerConnection(Uri Server, string Key)
{
    public const string ServerVariable = "MH_SERVER";
    public const string KeyVariable = "MH_API_KEY";

    /// <summary>The server and key to use; <see cref="MissingKeyException"/> saying where it looked when there is no key.</summary>
    public static ServerConnection Resolve(string? server, string? key, string? dataFolder)
    {
        var address = server ?? NonEmpty(Environment.GetEnvironmentVariable(ServerVariable)) ?? "http://127.0.0.1:5080";
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"the server address '{address}' is not an http:// or https:// URL");
        }

        var file = Path.Combine(dataFolder ?? StoreOptions.DefaultDataFolder, ManagementServer.AdministratorKeyFileName);
        var found = key ?? NonEmpty(Environment.GetEnvironmentVariable(KeyVariable)) ?? (File.Exists(file) ? NonEmpty(File.ReadAllText(file).Trim()) : null);
        return found is null
            ? throw new MissingKeyException(
                $"no API key: looked at --key, the environment variable {KeyVariable} and the file {file} (written by the first mh serve with that data folder); " +
                "give one of them (mh keys create --role Operator --name <name> makes a key)")
            : new ServerConnection(uri, found);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
