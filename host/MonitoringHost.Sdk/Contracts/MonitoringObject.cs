namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// A monitoring object (<c>GET /objects</c>, <c>GET /objects/{id}</c>): what it is, where it is, its properties and its
/// health. <see cref="Relationships"/> is given only for one object (<c>GET /objects/{id}</c>) and left out of lists.
/// </summary>
/// <param name="Id">The object's id.</param>
/// <param name="ClassId">The id of its class (null when the class is unknown to the server).</param>
/// <param name="ClassName">The MP-qualified name of its class (<c>Microsoft.Windows.Computer</c>).</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="Path">Its path: the keys of its hosts and its own.</param>
/// <param name="FullName"><c>Class:Path</c>.</param>
/// <param name="Properties">Its property values by property name.</param>
/// <param name="HostId">The object hosting it, if any.</param>
/// <param name="HealthState">Its health (the rollup of its monitors).</param>
/// <param name="HealthStateName">The name of <see cref="HealthState"/>.</param>
/// <param name="InMaintenanceMode">Whether it is in maintenance now.</param>
/// <param name="IsAvailable">Whether it is available (its availability health is not critical).</param>
/// <param name="LastModified">When discovery last changed it (UTC).</param>
public sealed record MonitoringObject(
    Guid Id,
    Guid? ClassId,
    string ClassName,
    string DisplayName,
    string Path,
    string FullName,
    IReadOnlyDictionary<string, string> Properties,
    Guid? HostId,
    HealthState HealthState,
    string HealthStateName,
    bool InMaintenanceMode,
    bool IsAvailable,
    DateTimeOffset LastModified)
{
    /// <summary>The relationships it is source or target of; only on <c>GET /objects/{id}</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Relationship>? Relationships { get; init; }
}
