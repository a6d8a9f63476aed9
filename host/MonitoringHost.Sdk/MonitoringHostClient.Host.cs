using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

public sealed partial class MonitoringHostClient
{
    /// <summary>The management servers of the pool, their heartbeats and what each runs (<c>GET /pool</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pool's members.</returns>
    public async Task<IReadOnlyList<PoolMember>> GetPoolAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<PoolMember>>("pool", cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>The recurring maintenance schedules (<c>GET /maintenance-schedules</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every schedule, by name.</returns>
    public async Task<IReadOnlyList<MaintenanceSchedule>> ListMaintenanceSchedulesAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<MaintenanceSchedule>>("maintenance-schedules", cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>Creates a schedule, or replaces the one with its <see cref="MaintenanceSchedule.Id"/> (<c>POST /maintenance-schedules</c>).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schedule as stored.</returns>
    public Task<MaintenanceSchedule> SaveMaintenanceScheduleAsync(MaintenanceSchedule schedule, CancellationToken cancellationToken = default) =>
        SendAsync<MaintenanceSchedule>(HttpMethod.Post, "maintenance-schedules", Json(schedule), cancellationToken);

    /// <summary>Deletes a schedule (<c>DELETE /maintenance-schedules/{id}</c>); a window it started runs to its end.</summary>
    /// <param name="id">The schedule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Once it is deleted.</returns>
    public async Task DeleteMaintenanceScheduleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"maintenance-schedules/{id}", null, cancellationToken).ConfigureAwait(false);
    }
}
