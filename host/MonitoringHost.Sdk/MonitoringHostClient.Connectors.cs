using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

public sealed partial class MonitoringHostClient
{
    /// <summary>Registers a connector, or describes the one with the same id anew (<c>POST /connectors</c>).</summary>
    /// <param name="registration">Its name, and optionally its fixed id, display name and description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connector, with its API key on its first registration only.</returns>
    public Task<ConnectorRegistered> RegisterConnectorAsync(ConnectorRegistration registration, CancellationToken cancellationToken = default) =>
        SendAsync<ConnectorRegistered>(HttpMethod.Post, "connectors", Json(registration), cancellationToken);

    /// <summary>Every connector the key may see (<c>GET /connectors</c>); a Connector key sees only its own.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connectors, by name.</returns>
    public async Task<IReadOnlyList<Connector>> ListConnectorsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<Connector>>("connectors", cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>One connector (<c>GET /connectors/{id}</c>).</summary>
    /// <param name="id">The connector.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connector.</returns>
    public Task<Connector> GetConnectorAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<Connector>($"connectors/{id}", cancellationToken);

    /// <summary>Enables or disables a connector (<c>POST /connectors/{id}:enable</c> or <c>:disable</c>).</summary>
    /// <param name="id">The connector.</param>
    /// <param name="enabled">Whether it is to be enabled.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connector as stored now.</returns>
    public Task<Connector> SetConnectorEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken = default) =>
        SendAsync<Connector>(HttpMethod.Post, $"connectors/{id}:{(enabled ? "enable" : "disable")}", null, cancellationToken);

    /// <summary>Deletes a connector (<c>DELETE /connectors/{id}</c>): revokes its keys and removes the objects only it claimed.</summary>
    /// <param name="id">The connector.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once it is deleted.</returns>
    public async Task DeleteConnectorAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"connectors/{id}", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets which alerts the connector receives (<c>PUT /connectors/{id}/subscription</c>).</summary>
    /// <param name="id">The connector.</param>
    /// <param name="subscription">Groups, classes, severities, priorities, resolution states, categories, criteria.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connector as stored now.</returns>
    public Task<Connector> SetConnectorSubscriptionAsync(Guid id, ConnectorSubscription subscription, CancellationToken cancellationToken = default) =>
        SendAsync<Connector>(HttpMethod.Put, $"connectors/{id}/subscription", Json(subscription), cancellationToken);

    /// <summary>The connector's subscription (<c>GET /connectors/{id}/subscription</c>); empty when it has none.</summary>
    /// <param name="id">The connector.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription.</returns>
    public Task<ConnectorSubscription> GetConnectorSubscriptionAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<ConnectorSubscription>($"connectors/{id}/subscription", cancellationToken);

    /// <summary>
    /// The next batch of alert changes for the connector (<c>GET /connectors/{id}/alerts</c>). Without a cursor it
    /// starts after what the connector acknowledged, so unacknowledged changes come again.
    /// </summary>
    /// <param name="id">The connector.</param>
    /// <param name="cursor">The cursor of the previous batch, to read on before acknowledging it.</param>
    /// <param name="limit">At most this many changes (default 500).</param>
    /// <param name="wait">Wait up to this long (whole seconds, at most 60) for a change when there is none yet.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch and its cursor.</returns>
    public Task<ConnectorAlertPage> GetConnectorAlertsAsync(Guid id, string? cursor = null, int? limit = null, TimeSpan? wait = null, CancellationToken cancellationToken = default) =>
        GetAsync<ConnectorAlertPage>(
            Query($"connectors/{id}/alerts", ("cursor", cursor), ("limit", limit), ("wait", wait is { } w ? (int)Math.Ceiling(w.TotalSeconds) : null)),
            cancellationToken);

    /// <summary>Acknowledges everything up to <paramref name="cursor"/> (<c>POST /connectors/{id}/ack</c>).</summary>
    /// <param name="id">The connector.</param>
    /// <param name="cursor">A batch's cursor.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connector, with how its delivery stands now.</returns>
    public Task<Connector> AcknowledgeConnectorAlertsAsync(Guid id, string cursor, CancellationToken cancellationToken = default) =>
        SendAsync<Connector>(HttpMethod.Post, $"connectors/{id}/ack", Json(new ConnectorAck(cursor)), cancellationToken);

    /// <summary>Has the connector's batches pushed to a webhook (<c>PUT /connectors/{id}/webhook</c>).</summary>
    /// <param name="id">The connector.</param>
    /// <param name="webhook">The receiver's address and the signature secret.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connector as stored now.</returns>
    public Task<Connector> SetConnectorWebhookAsync(Guid id, ConnectorWebhook webhook, CancellationToken cancellationToken = default) =>
        SendAsync<Connector>(HttpMethod.Put, $"connectors/{id}/webhook", Json(webhook), cancellationToken);

    /// <summary>Stops pushing to the connector's webhook (<c>DELETE /connectors/{id}/webhook</c>): it pulls again.</summary>
    /// <param name="id">The connector.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connector as stored now.</returns>
    public Task<Connector> RemoveConnectorWebhookAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<Connector>(HttpMethod.Delete, $"connectors/{id}/webhook", null, cancellationToken);

    /// <summary>Where an alert stands with each connector it was handed to (<c>GET /alerts/{id}/forwarding</c>).</summary>
    /// <param name="alertId">The alert.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per connector.</returns>
    public async Task<IReadOnlyList<AlertForwarding>> GetAlertForwardingAsync(Guid alertId, CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<AlertForwarding>>($"alerts/{alertId}/forwarding", cancellationToken).ConfigureAwait(false)).Items;
}
