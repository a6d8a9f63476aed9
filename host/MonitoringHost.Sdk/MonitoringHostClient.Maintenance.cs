using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

public sealed partial class MonitoringHostClient
{
    /// <summary>Puts an object (and, when recursive, what it hosts or contains) into maintenance at once (<c>POST /objects/{id}/maintenance</c>).</summary>
    /// <param name="objectId">The object.</param>
    /// <param name="start">Until when or how long, and why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The objects that went into maintenance.</returns>
    public Task<MaintenanceStarted> StartMaintenanceAsync(Guid objectId, MaintenanceStart start, CancellationToken cancellationToken = default) =>
        SendAsync<MaintenanceStarted>(HttpMethod.Post, $"objects/{objectId}/maintenance", Json(start), cancellationToken);

    /// <summary>Changes an object's running maintenance (<c>PATCH /objects/{id}/maintenance</c>).</summary>
    /// <param name="objectId">The object.</param>
    /// <param name="update">The new end or comment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object changed.</returns>
    public Task<MaintenanceChanged> ChangeMaintenanceAsync(Guid objectId, MaintenanceUpdate update, CancellationToken cancellationToken = default) =>
        SendAsync<MaintenanceChanged>(HttpMethod.Patch, $"objects/{objectId}/maintenance", Json(update), cancellationToken);

    /// <summary>Ends an object's maintenance now (<c>DELETE /objects/{id}/maintenance</c>).</summary>
    /// <param name="objectId">The object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The objects that left maintenance.</returns>
    public Task<MaintenanceStopped> StopMaintenanceAsync(Guid objectId, CancellationToken cancellationToken = default) =>
        SendAsync<MaintenanceStopped>(HttpMethod.Delete, $"objects/{objectId}/maintenance", null, cancellationToken);

    /// <summary>The objects in maintenance now (<c>GET /maintenance</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One window per object.</returns>
    public async Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<MaintenanceWindow>>("maintenance", cancellationToken).ConfigureAwait(false)).Items;
}
