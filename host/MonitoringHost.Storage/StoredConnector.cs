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

/// <summary>An alert a connector acknowledged: the first of its changes it was given, and the last it acknowledged.</summary>
public sealed record AlertForwarding(Guid ConnectorId, Guid AlertId, long FirstSequence, long DeliveredSequence);
