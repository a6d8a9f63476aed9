namespace MonitoringHost.Sdk.Contracts;

/// <summary>A registered connector (<c>GET /connectors</c>, <c>GET /connectors/{id}</c>).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="DisplayName">The name shown.</param>
/// <param name="Description">What it does.</param>
/// <param name="OwnsDiscoveryData">Whether it pushes discovery data of its own.</param>
/// <param name="Enabled">Whether it is enabled (<c>:enable</c>, <c>:disable</c>).</param>
/// <param name="Created">When it was first registered.</param>
/// <param name="CreatedBy">The key that registered it.</param>
/// <param name="Modified">When it was last registered again, enabled or disabled.</param>
public sealed record Connector(
    Guid Id,
    string Name,
    string DisplayName,
    string? Description,
    bool OwnsDiscoveryData,
    bool Enabled,
    DateTimeOffset Created,
    string CreatedBy,
    DateTimeOffset Modified)
{
    /// <summary>What it receives and how far it got (on <c>GET /connectors/{id}</c>).</summary>
    public ConnectorDeliveryStatus? Delivery { get; init; }
}
