namespace MonitoringHost.Storage;

/// <summary>
/// A connector as kept (table of <c>0007_connectors.sql</c>): its id, unique name, the name shown, what it is for,
/// whether it owns the discovery data it pushes, whether it is enabled, and when and by whom it was registered and
/// last changed.
/// </summary>
public sealed record StoredConnector(
    Guid Id,
    string Name,
    string DisplayName,
    string? Description,
    bool OwnsDiscoveryData,
    bool Enabled,
    DateTimeOffset Created,
    string CreatedBy,
    DateTimeOffset Modified,
    ConnectorDelivery Delivery);

/// <summary>
/// How a connector receives alerts (table of <c>0008_connector_delivery.sql</c>): its subscription as JSON (null for
/// none), whether it receives its own changes back, the change feed sequence it acknowledged, and its webhook (the
/// secret as sealed under the host's credential key) with how pushing to it went.
/// </summary>
public sealed record ConnectorDelivery(
    string? Subscription,
    bool ReceiveOwnChanges,
    long AckedSequence,
    string? WebhookUrl,
    ReadOnlyMemory<byte>? WebhookSecret,
    int WebhookFailures,
    string? WebhookLastError,
    DateTimeOffset? WebhookLastAttempt,
    DateTimeOffset? WebhookLastDelivery);

/// <summary>
/// Where one alert stands with one connector: the first and last of its changes handed to the connector, the last one
/// acknowledged, and how many times the last was handed out. Pending while <see cref="DeliveredSequence"/> is behind.
/// </summary>
public sealed record AlertForwarding(Guid ConnectorId, Guid AlertId, long FirstSequence, long LastSequence, long DeliveredSequence, int Attempts)
{
    public bool IsPending => DeliveredSequence < LastSequence;
}
