namespace MonitoringHost.Storage;

/// <summary>
/// The SQL of the connector store; both dialects accept it as written (named parameters, <c>ON CONFLICT</c>,
/// <c>RETURNING</c>). Ids, booleans and times differ by column type (<c>0007_connectors.sql</c>) and by the dialect's values.
/// </summary>
internal static class ConnectorStoreSql
{
    /// <summary>Every column, in <see cref="StoredConnector"/>'s order.</summary>
    public const string Columns = "id, name, display_name, description, owns_discovery_data, enabled, created, created_by, modified, " +
        "subscription, receive_own_changes, acked_sequence, webhook_url, webhook_secret, webhook_failures, webhook_last_error, webhook_last_attempt, webhook_last_delivery";

    /// <summary>
    /// A new connector, enabled, acknowledged up to the feed's head (it receives what changes from now on); nothing
    /// when the id is there already (the update after it then describes it).
    /// </summary>
    public const string Insert =
        """
        INSERT INTO connectors (id, name, display_name, description, owns_discovery_data, enabled, created, created_by, modified, acked_sequence)
        VALUES (@id, @name, @display_name, @description, @owns_discovery_data, @enabled, @now, @by, @now, (SELECT COALESCE(MAX(sequence), 0) FROM change_feed))
        ON CONFLICT (id) DO NOTHING
        """;

    public const string Describe =
        """
        UPDATE connectors SET name = @name, display_name = @display_name, description = @description,
            owns_discovery_data = @owns_discovery_data, modified = @now
        WHERE id = @id
        """;

    public const string SelectAll = $"SELECT {Columns} FROM connectors ORDER BY name";

    public const string SelectOne = $"SELECT {Columns} FROM connectors WHERE id = @id";

    public const string SetEnabled = $"UPDATE connectors SET enabled = @enabled, modified = @now WHERE id = @id RETURNING {Columns}";

    public const string Delete = "DELETE FROM connectors WHERE id = @id";

    public const string DeleteForwarding = "DELETE FROM connector_alerts WHERE connector_id = @id";

    public const string SetSubscription =
        $"UPDATE connectors SET subscription = @subscription, receive_own_changes = @own, modified = @now WHERE id = @id RETURNING {Columns}";

    public const string SetWebhook =
        $"""
        UPDATE connectors SET webhook_url = @url, webhook_secret = @secret, webhook_failures = 0, webhook_last_error = NULL,
            webhook_last_attempt = NULL, modified = @now
        WHERE id = @id RETURNING {Columns}
        """;

    public const string WebhookDelivered =
        "UPDATE connectors SET webhook_failures = 0, webhook_last_error = NULL, webhook_last_attempt = @now, webhook_last_delivery = @now WHERE id = @id";


    public const string WebhookFailed =
        "UPDATE connectors SET webhook_failures = webhook_failures + 1, webhook_last_error = @error, webhook_last_attempt = @now WHERE id = @id";

    /// <summary>Moves the acknowledged sequence forward (never back).</summary>
    public const string Acknowledge =
        "UPDATE connectors SET acked_sequence = CASE WHEN acked_sequence < @sequence THEN @sequence ELSE acked_sequence END WHERE id = @id";

    /// <summary>The start of a delivered-alerts upsert; the dialect's row source follows, then <see cref="DeliveredConflict"/>.</summary>
    public const string Delivered = "INSERT INTO connector_alerts (connector_id, alert_id, first_sequence, delivered_sequence) ";

    /// <summary>An alert acknowledged again moves its delivered sequence forward (never back).</summary>
    public const string DeliveredConflict =
        """
         ON CONFLICT (connector_id, alert_id) DO UPDATE SET
            delivered_sequence = CASE WHEN excluded.delivered_sequence > connector_alerts.delivered_sequence
                THEN excluded.delivered_sequence ELSE connector_alerts.delivered_sequence END
        """;

    public const string ForwardingColumns = "connector_id, alert_id, first_sequence, delivered_sequence";

    /// <summary>By connector (each one's primary key range), so that no index on the alert is needed.</summary>
    public const string SelectForwardingOfAlert =
        $"SELECT {ForwardingColumns} FROM connector_alerts WHERE connector_id IN (SELECT id FROM connectors) AND alert_id = @alert ORDER BY connector_id";

    public const string SelectFeedHead = "SELECT COALESCE(MAX(sequence), 0) FROM change_feed";
}
