using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

public sealed partial class MonitoringHostClient
{
    /// <summary>Adds a Run As account, or replaces the one with its id (<c>POST /runas/accounts</c>); its values are never returned.</summary>
    /// <param name="account">Its name, kind and values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account's id, name and kind.</returns>
    public Task<RunAsAccountInfo> SaveRunAsAccountAsync(RunAsAccountDefinition account, CancellationToken cancellationToken = default) =>
        SendAsync<RunAsAccountInfo>(HttpMethod.Post, "runas/accounts", Json(account), cancellationToken);

    /// <summary>The Run As accounts, by name (<c>GET /runas/accounts</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Their ids, names and kinds.</returns>
    public async Task<IReadOnlyList<RunAsAccountInfo>> ListRunAsAccountsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<RunAsAccountInfo>>("runas/accounts", cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>Deletes a Run As account and its assignments (<c>DELETE /runas/accounts/{id}</c>).</summary>
    /// <param name="id">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once it is deleted.</returns>
    public async Task DeleteRunAsAccountAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"runas/accounts/{id}", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Run As profile assignments (<c>GET /runas/assignments</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every assignment.</returns>
    public async Task<IReadOnlyList<RunAsProfileAssignment>> ListRunAsAssignmentsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<RunAsProfileAssignment>>("runas/assignments", cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>Maps a Run As profile to an account for a class, a group or an object (<c>PUT /runas/assignments</c>).</summary>
    /// <param name="assignment">The profile, its scope and target, and the account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The assignment as stored.</returns>
    public Task<RunAsProfileAssignment> AssignRunAsProfileAsync(RunAsProfileAssignment assignment, CancellationToken cancellationToken = default) =>
        SendAsync<RunAsProfileAssignment>(HttpMethod.Put, "runas/assignments", Json(assignment), cancellationToken);

    /// <summary>Removes a Run As profile assignment (<c>DELETE /runas/assignments</c>).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="scope"><c>class</c>, <c>group</c> or <c>object</c>.</param>
    /// <param name="target">The class name or the group's or object's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once it is removed.</returns>
    public async Task UnassignRunAsProfileAsync(string profile, string scope, string target, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, Query("runas/assignments", ("profile", profile), ("scope", scope), ("target", target)), null, cancellationToken).ConfigureAwait(false);
    }
}
