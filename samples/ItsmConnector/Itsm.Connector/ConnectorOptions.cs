using System.Text.Json;
using MonitoringHost.Sdk.Contracts;

namespace Itsm.Connector;

/// <summary>
/// The connector's configuration file, shaped like Service Manager's Operations Manager Alert connector: the servers,
/// the alert routing rules (each an incident template and what it matches) with the default template, and the two
/// schedule options. Relative paths are relative to the file.
/// </summary>
public sealed record ConnectorOptions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The management server (<c>mh serve</c>).</summary>
    public Uri? MonitoringHostUrl { get; init; }

    /// <summary>A file with an Administrator key, needed only to register the connector the first time.</summary>
    public string? AdminKeyFile { get; init; }

    /// <summary>Where the connector's own key is kept once it is registered.</summary>
    public string ApiKeyFile { get; init; } = "itsm-connector.key";

    /// <summary>The connector's fixed id: registering again finds the same connector.</summary>
    public Guid ConnectorId { get; init; }

    /// <summary>The connector's unique name.</summary>
    public string ConnectorName { get; init; } = "";

    /// <summary>The ITSM service.</summary>
    public Uri? ItsmUrl { get; init; }

    /// <summary>The alert routing rules, in order: an alert takes the template of the first one it matches.</summary>
    public IReadOnlyList<RoutingRule?> RoutingRules { get; init; } = [];

    /// <summary>The template of an alert no rule matches (Service Manager's default); null: such incidents get no template fields.</summary>
    public IncidentTemplate? DefaultTemplate { get; init; }

    /// <summary>Which alerts the connector receives; null: the union of the routing rules (<see cref="AlertRouting.Union"/>).</summary>
    public ConnectorSubscription? Subscription { get; init; }

    /// <summary>Who a new incident is assigned to; the alert's owner becomes the same.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>The resolution state a new alert gets once its incident exists (249 Acknowledged).</summary>
    public int AcknowledgedResolutionState { get; init; } = 249;

    /// <summary>Close alerts in MonitoringHost when their incidents are resolved or closed.</summary>
    public bool CloseAlertsWhenIncidentsResolved { get; init; } = true;

    /// <summary>Resolve incidents when their alerts are closed in MonitoringHost.</summary>
    public bool ResolveIncidentsWhenAlertsClosed { get; init; } = true;

    /// <summary>How long one pull waits for an alert change before the ITSM service is polled again (0 to 60 s).</summary>
    public int WaitSeconds { get; init; } = 5;

    /// <summary>Where the connector remembers how far it read the ITSM service's changes.</summary>
    public string StateFile { get; init; } = "itsm-connector.state.json";

    /// <summary>Reads <paramref name="path"/>; its relative paths are made absolute from the file's folder.</summary>
    /// <exception cref="ConnectorConfigurationException">The file cannot be read or its values are wrong (all of them listed).</exception>
    public static ConnectorOptions Load(string path)
    {
        ConnectorOptions? read;
        try
        {
            read = JsonSerializer.Deserialize<ConnectorOptions>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new ConnectorConfigurationException(path, [$"{e.Path}: {e.Message}"]);
        }
        catch (IOException e)
        {
            throw new ConnectorConfigurationException(path, [$"cannot be read: {e.Message}"]);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var options = (read ?? throw new ConnectorConfigurationException(path, ["$: a JSON object is required"])) with
        {
            AdminKeyFile = read.AdminKeyFile is null ? null : Path.GetFullPath(read.AdminKeyFile, folder),
            ApiKeyFile = Path.GetFullPath(read.ApiKeyFile, folder),
            StateFile = Path.GetFullPath(read.StateFile, folder),
        };
        return options.Problems() is { Count: > 0 } problems ? throw new ConnectorConfigurationException(path, problems) : options;
    }

    /// <summary>Every value that is wrong, with where and what.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MonitoringHostUrl is not { IsAbsoluteUri: true } || MonitoringHostUrl.Scheme is not ("http" or "https"))
        {
            problems.Add($"$.monitoringHostUrl: '{MonitoringHostUrl}' is not an http or https address");
        }

        if (ItsmUrl is not { IsAbsoluteUri: true } || ItsmUrl.Scheme is not ("http" or "https"))
        {
            problems.Add($"$.itsmUrl: '{ItsmUrl}' is not an http or https address");
        }

        if (ConnectorId == Guid.Empty)
        {
            problems.Add("$.connectorId: a fixed GUID is required, so that registering again finds the same connector");
        }

        if (string.IsNullOrWhiteSpace(ConnectorName))
        {
            problems.Add("$.connectorName: a name is required");
        }

        if (AcknowledgedResolutionState is < 1 or > 254)
        {
            problems.Add($"$.acknowledgedResolutionState: {AcknowledgedResolutionState} is not a custom resolution state (1 to 254)");
        }

        if (WaitSeconds is < 0 or > 60)
        {
            problems.Add($"$.waitSeconds: {WaitSeconds} is not 0 to 60");
        }

        AlertRouting.Compile(RoutingRules ?? [], DefaultTemplate, problems);
        return problems;
    }

    /// <summary>The routing rules compiled (call on options <see cref="Load"/> accepted).</summary>
    /// <exception cref="InvalidOperationException">The rules have problems.</exception>
    public AlertRouting Routing()
    {
        var problems = new List<string>();
        var routing = AlertRouting.Compile(RoutingRules ?? [], DefaultTemplate, problems);
        return problems.Count == 0 ? routing : throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    }
}
