using System.Globalization;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

public sealed partial class MonitoringHostClient
{
    /// <summary>One page of alerts (<c>GET /alerts</c>), oldest change first.</summary>
    /// <param name="criteria">SCOM criteria over the alerts' fields.</param>
    /// <param name="since">Only alerts modified since then.</param>
    /// <param name="open">Only alerts not closed.</param>
    /// <param name="cursor">The <see cref="ListPage{T}.NextCursor"/> of the page before; null for the first page.</param>
    /// <param name="limit">At most this many (1–5000; server default 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public Task<ListPage<MonitoringAlert>> ListAlertsAsync(
        string? criteria = null, DateTimeOffset? since = null, bool? open = null, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<MonitoringAlert>>(Query("alerts", ("criteria", criteria), ("since", since), ("open", open), ("cursor", cursor), ("limit", limit)), cancellationToken);

    /// <summary>Every alert that matches, page after page (<c>GET /alerts</c>).</summary>
    /// <param name="criteria">SCOM criteria over the alerts' fields.</param>
    /// <param name="since">Only alerts modified since then.</param>
    /// <param name="open">Only alerts not closed.</param>
    /// <param name="pageSize">How many to read per call (server default 100).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The alerts.</returns>
    public IAsyncEnumerable<MonitoringAlert> GetAlertsAsync(
        string? criteria = null, DateTimeOffset? since = null, bool? open = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        WalkAsync((cursor, token) => ListAlertsAsync(criteria, since, open, cursor, pageSize, token), cancellationToken);

    /// <summary>One alert (<c>GET /alerts/{id}</c>).</summary>
    /// <param name="id">The alert's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alert.</returns>
    public async Task<MonitoringAlert> GetAlertAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await GetAlertWithETagAsync(id, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>One alert with its ETag, to update it only if nobody changed it since (<see cref="UpdateAlertAsync"/>).</summary>
    /// <param name="id">The alert's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alert and its ETag.</returns>
    public async Task<ETagged<MonitoringAlert>> GetAlertWithETagAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"alerts/{id}", null, cancellationToken).ConfigureAwait(false);
        var alert = await ReadAsync<MonitoringAlert>(response, cancellationToken).ConfigureAwait(false);
        return new ETagged<MonitoringAlert>(alert, response.Headers.ETag?.Tag ?? $"\"{alert.Version.ToString(CultureInfo.InvariantCulture)}\"");
    }

    /// <summary>Creates an alert (<c>POST /alerts</c>).</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alert created.</returns>
    public Task<MonitoringAlert> CreateAlertAsync(NewAlert alert, CancellationToken cancellationToken = default) =>
        SendAsync<MonitoringAlert>(HttpMethod.Post, "alerts", Json(alert), cancellationToken);

    /// <summary>Changes an alert (<c>PATCH /alerts/{id}</c>); with <paramref name="ifMatch"/>, only if it is still that version (else 409).</summary>
    /// <param name="id">The alert's id.</param>
    /// <param name="change">The fields to change.</param>
    /// <param name="ifMatch">An ETag from <see cref="GetAlertWithETagAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alert as changed.</returns>
    public async Task<MonitoringAlert> UpdateAlertAsync(Guid id, AlertChange change, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Patch, $"alerts/{id}", Json(change), cancellationToken, ifMatch).ConfigureAwait(false);
        return await ReadAsync<MonitoringAlert>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies one change to several alerts (<c>POST /alerts:batchUpdate</c>).</summary>
    /// <param name="update">The alerts and the change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alerts changed and those that were not, with why.</returns>
    public Task<AlertBatchResult> BatchUpdateAlertsAsync(AlertBatchUpdate update, CancellationToken cancellationToken = default) =>
        SendAsync<AlertBatchResult>(HttpMethod.Post, "alerts:batchUpdate", Json(update), cancellationToken);

    /// <summary>An alert's history (<c>GET /alerts/{id}/history</c>), oldest first.</summary>
    /// <param name="id">The alert's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every change.</returns>
    public async Task<IReadOnlyList<AlertHistoryEntry>> GetAlertHistoryAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<AlertHistoryEntry>>($"alerts/{id}/history", cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>The resolution states (<c>GET /resolution-states</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every resolution state, 0 New and 255 Closed included.</returns>
    public async Task<IReadOnlyList<ResolutionState>> GetResolutionStatesAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<ResolutionState>>("resolution-states", cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>Adds a custom resolution state (<c>POST /resolution-states</c>).</summary>
    /// <param name="state">Its code (1–254) and name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state as stored.</returns>
    public Task<ResolutionState> CreateResolutionStateAsync(ResolutionState state, CancellationToken cancellationToken = default) =>
        SendAsync<ResolutionState>(HttpMethod.Post, "resolution-states", Json(state), cancellationToken);
}
