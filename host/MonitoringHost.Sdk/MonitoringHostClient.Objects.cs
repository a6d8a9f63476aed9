using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

public sealed partial class MonitoringHostClient
{
    /// <summary>One page of monitoring objects (<c>GET /objects</c>).</summary>
    /// <param name="className">Only objects of this class (MP-qualified name).</param>
    /// <param name="criteria">SCOM criteria over the objects' fields.</param>
    /// <param name="includeDerived">Whether objects of classes derived from <paramref name="className"/> count (server default: true).</param>
    /// <param name="cursor">The <see cref="ListPage{T}.NextCursor"/> of the page before; null for the first page.</param>
    /// <param name="limit">At most this many (1–5000; server default 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public Task<ListPage<MonitoringObject>> ListObjectsAsync(
        string? className = null, string? criteria = null, bool? includeDerived = null, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<MonitoringObject>>(
            Query("objects", ("class", className), ("criteria", criteria), ("includeDerived", includeDerived), ("cursor", cursor), ("limit", limit)), cancellationToken);

    /// <summary>Every monitoring object that matches, page after page (<c>GET /objects</c>).</summary>
    /// <param name="className">Only objects of this class.</param>
    /// <param name="criteria">SCOM criteria over the objects' fields.</param>
    /// <param name="includeDerived">Whether objects of derived classes count.</param>
    /// <param name="pageSize">How many to read per call (server default 100).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The objects, in the server's order.</returns>
    public IAsyncEnumerable<MonitoringObject> GetObjectsAsync(
        string? className = null, string? criteria = null, bool? includeDerived = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        WalkAsync((cursor, token) => ListObjectsAsync(className, criteria, includeDerived, cursor, pageSize, token), cancellationToken);

    /// <summary>One object with its relationships (<c>GET /objects/{id}</c>).</summary>
    /// <param name="id">The object's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object; 404 (as <see cref="MonitoringHostApiException"/>) when there is none.</returns>
    public Task<MonitoringObject> GetObjectAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<MonitoringObject>($"objects/{id}", cancellationToken);

    /// <summary>An object's monitor tree, the "health explorer" (<c>GET /objects/{id}/health</c>).</summary>
    /// <param name="id">The object's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The root monitor (<c>System.Health.EntityState</c>) with its children.</returns>
    public Task<HealthExplorerNode> GetHealthAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<HealthExplorerNode>($"objects/{id}/health", cancellationToken);

    /// <summary>The workflows targeting an object and how they run for it (<c>GET /objects/{id}/workflows</c>).</summary>
    /// <param name="id">The object's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Each workflow: whether it runs and why not, its runs, last error and monitor type state.</returns>
    public async Task<IReadOnlyList<ObjectWorkflow>> GetWorkflowsAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<ObjectWorkflow>>($"objects/{id}/workflows", cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>An object's monitor state changes (<c>GET /objects/{id}/state-changes</c>).</summary>
    /// <param name="id">The object's id.</param>
    /// <param name="since">Only changes after this time.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changes.</returns>
    public async Task<IReadOnlyList<StateChange>> GetStateChangesAsync(Guid id, DateTimeOffset? since = null, int? limit = null, CancellationToken cancellationToken = default) =>
        (await GetAsync<ItemList<StateChange>>(Query($"objects/{id}/state-changes", ("since", since), ("limit", limit)), cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>Inserts events for an object (<c>POST /objects/{id}/events</c>); rules with the SDK event data source see them.</summary>
    /// <param name="id">The object's id.</param>
    /// <param name="events">The events.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were stored and how many workflow runs took them.</returns>
    public Task<DataInserted> InsertEventsAsync(Guid id, IReadOnlyList<MonitoringEvent> events, CancellationToken cancellationToken = default)
        => SendAsync<DataInserted>(HttpMethod.Post, $"objects/{id}/events", Json(events), cancellationToken);

    /// <summary>Inserts performance samples for an object (<c>POST /objects/{id}/performance</c>).</summary>
    /// <param name="id">The object's id.</param>
    /// <param name="samples">The samples.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were stored and how many workflow runs took them.</returns>
    public Task<DataInserted> InsertPerformanceAsync(Guid id, IReadOnlyList<PerformanceSample> samples, CancellationToken cancellationToken = default)
        => SendAsync<DataInserted>(HttpMethod.Post, $"objects/{id}/performance", Json(samples), cancellationToken);

    /// <summary>Classes (<c>GET /classes</c>), every page read.</summary>
    /// <param name="criteria">SCOM criteria over the classes' fields.</param>
    /// <param name="name">Only the class of this name (exact, case-insensitive).</param>
    /// <param name="baseClass">Only the classes derived from this one, at any depth.</param>
    /// <param name="pageSize">How many to read per call (server default 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every class that matches, by name.</returns>
    public async Task<IReadOnlyList<MonitoringClass>> ListClassesAsync(
        string? criteria = null, string? name = null, string? baseClass = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var classes = new List<MonitoringClass>();
        await foreach (var item in WalkAsync(
            (cursor, token) => GetAsync<ListPage<MonitoringClass>>(Query("classes", ("name", name), ("base", baseClass), ("criteria", criteria), ("cursor", cursor), ("limit", pageSize)), token),
            cancellationToken).ConfigureAwait(false))
        {
            classes.Add(item);
        }

        return classes;
    }

    /// <summary>Submits discovery data (<c>POST /discovery-data</c>), applied in one transaction.</summary>
    /// <param name="data">The objects, relationships and removals.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The objects created, updated and removed.</returns>
    public Task<DiscoveryDataApplied> SubmitDiscoveryDataAsync(DiscoveryDataSubmission data, CancellationToken cancellationToken = default) =>
        SendAsync<DiscoveryDataApplied>(HttpMethod.Post, "discovery-data", Json(data), cancellationToken);

    /// <summary>Submits discovery data given as JSON text (a file written by a script), sent as it is.</summary>
    /// <param name="json">The body of <c>POST /discovery-data</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The objects created, updated and removed.</returns>
    public Task<DiscoveryDataApplied> SubmitDiscoveryDataAsync(string json, CancellationToken cancellationToken = default) =>
        SendAsync<DiscoveryDataApplied>(HttpMethod.Post, "discovery-data", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), cancellationToken);
}
