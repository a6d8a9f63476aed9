using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests.Connectors;

/// <summary>
/// A real server with the SDK test pack, an operator's client, and what connector tests share: registering a
/// connector (its id and its own client), creating alerts, and reading a connector's batches to the end.
/// </summary>
public abstract class ConnectorFixture : IAsyncLifetime
{
    internal LoopbackServer Api { get; private set; } = null!;

    protected MonitoringHostClient Admin { get; private set; } = null!;

    protected MonitoringHostClient Operator { get; private set; } = null!;

    private readonly List<MonitoringHostClient> _clients = [];

    public virtual async Task InitializeAsync()
    {
        Api = await LoopbackServer.StartAsync(["Test.Sdk.xml"]);
        Admin = Track(Api.ClientFor(await Api.KeyAsync("admin", ApiRole.Administrator)));
        Operator = Track(Api.ClientFor(await Api.KeyAsync("ops", ApiRole.Operator)));
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Api.DisposeAsync();
    }

    protected MonitoringHostClient Track(MonitoringHostClient client)
    {
        _clients.Add(client);
        return client;
    }

    /// <summary>Registers a connector and returns its id and a client with its own key.</summary>
    protected async Task<(Guid Id, MonitoringHostClient Client)> RegisterAsync(string name, ConnectorSubscription? subscription = null)
    {
        var registered = await Admin.RegisterConnectorAsync(new ConnectorRegistration(name, OwnsDiscoveryData: true));
        var client = Track(ClientOf(registered.ApiKey!));
        if (subscription is not null)
        {
            await client.SetConnectorSubscriptionAsync(registered.Id, subscription);
        }

        return (registered.Id, client);
    }

    /// <summary>A client calling this server with <paramref name="key"/>, disposed with the fixture.</summary>
    protected MonitoringHostClient ClientOf(string key) => Api.ClientFor(key);

    protected Task<MonitoringAlert> CreateAlertAsync(Guid objectId, string name, string severity = "Warning", string? priority = null, string? category = null) =>
        Operator.CreateAlertAsync(new NewAlert(name, severity, objectId, Priority: priority) { Category = category });

    /// <summary>Every change the connector has after its acknowledged cursor (not acknowledging), page by page.</summary>
    protected static async Task<(List<ConnectorAlert> Items, string Cursor)> ReadAllAsync(MonitoringHostClient client, Guid connector, int limit = 500)
    {
        var items = new List<ConnectorAlert>();
        string? cursor = null;
        while (true)
        {
            var page = await client.GetConnectorAlertsAsync(connector, cursor, limit);
            items.AddRange(page.Items);
            cursor = page.Cursor;
            if (!page.More)
            {
                return (items, cursor);
            }
        }
    }

    /// <summary>A Windows computer discovered (incrementally) through an SDK source; its id.</summary>
    protected async Task<Guid> ComputerAsync(string name)
    {
        var applied = await Admin.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("incremental", new DiscoverySourceRef("sdk", "computers"),
            [new DiscoveredObject("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = name })]));
        return applied.Created.Single();
    }
}
