namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// A batch of alert changes for a connector (<c>GET /connectors/{id}/alerts</c>), in change feed order. Delivery is at
/// least once: the batch comes again until <see cref="Cursor"/> is acknowledged (<c>POST /connectors/{id}/ack</c>).
/// </summary>
/// <param name="Items">The changes, oldest first.</param>
/// <param name="Cursor">Where the batch ends: give it to read on, and acknowledge it once the batch is handled.</param>
/// <param name="More">Whether more changes wait after <see cref="Cursor"/>.</param>
public sealed record ConnectorAlertPage(IReadOnlyList<ConnectorAlert> Items, string Cursor, bool More);

/// <summary>What a webhook receives: the connector, a batch of its alert changes and where the batch ends.</summary>
/// <param name="ConnectorId">The connector.</param>
/// <param name="Cursor">Where the batch ends (acknowledged by the host once the receiver answers 2xx).</param>
/// <param name="Items">The changes, oldest first.</param>
public sealed record ConnectorWebhookBatch(Guid ConnectorId, string Cursor, IReadOnlyList<ConnectorAlert> Items);

/// <summary>An acknowledgement (<c>POST /connectors/{id}/ack</c>): everything up to the cursor is delivered.</summary>
/// <param name="Cursor">A cursor from a batch.</param>
public sealed record ConnectorAck(string Cursor);

/// <summary>A webhook for a connector (<c>PUT /connectors/{id}/webhook</c>).</summary>
/// <param name="Url">Where batches are POSTed (http or https).</param>
/// <param name="Secret">The key of the HMAC-SHA256 signature in <c>X-MonitoringHost-Signature</c> (at least 16 characters).</param>
public sealed record ConnectorWebhook(string Url, string Secret);

/// <summary>Where an alert stands with one connector (<c>GET /alerts/{id}/forwarding</c>).</summary>
/// <param name="ConnectorId">The connector.</param>
/// <param name="Status"><c>pending</c> (its last change handed out is not acknowledged) or <c>delivered</c>.</param>
/// <param name="Attempts">How many times its last change was handed out unacknowledged.</param>
/// <param name="FirstSequence">The first change handed to the connector.</param>
/// <param name="LastSequence">The last change handed to the connector.</param>
/// <param name="DeliveredSequence">The last change acknowledged (0 for none).</param>
public sealed record AlertForwarding(Guid ConnectorId, string Status, int Attempts, long FirstSequence, long LastSequence, long DeliveredSequence);

/// <summary>How a connector's delivery stands (part of <see cref="Connector"/>).</summary>
/// <param name="AckedSequence">The change feed sequence it acknowledged.</param>
/// <param name="Behind">Change feed entries after it (not all of them are for this connector).</param>
/// <param name="PendingAlerts">Alerts handed to it whose last change is not acknowledged.</param>
/// <param name="Subscription">Its subscription, or null for none (then only alerts marked for it by hand).</param>
/// <param name="Webhook">Its webhook, or null when it pulls.</param>
public sealed record ConnectorDeliveryStatus(long AckedSequence, long Behind, long PendingAlerts, ConnectorSubscription? Subscription, ConnectorWebhookStatus? Webhook);

/// <summary>A connector's webhook (never its secret) and how pushing to it goes.</summary>
/// <param name="Url">Where batches are POSTed.</param>
/// <param name="ConsecutiveFailures">Failed attempts since the last delivery.</param>
/// <param name="LastError">Why the last attempt failed.</param>
/// <param name="LastAttempt">When a batch was last POSTed.</param>
/// <param name="LastDelivery">When a batch was last accepted.</param>
public sealed record ConnectorWebhookStatus(string Url, int ConsecutiveFailures, string? LastError, DateTimeOffset? LastAttempt, DateTimeOffset? LastDelivery)
{
    /// <summary>Why the host itself last failed to send (its store or the sealed secret, not the receiver), since it started.</summary>
    public string? SenderFault { get; init; }
}
