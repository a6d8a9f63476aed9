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
}
