using System.Data.Common;

namespace MonitoringHost.Storage;

public abstract partial class ConnectorStore
{
    /// <summary>The dialect's row source of (connector, alert, first, last) for the delivered upsert, from <see cref="BindDeliveredRows"/>.</summary>
    private protected abstract string DeliveredRowsSource { get; }

    /// <summary>The dialect's condition "alert_id is one of the alerts" bound by <see cref="BindAlerts"/>.</summary>
    private protected abstract string AlertsIn { get; }

    /// <summary>Binds the rows of <see cref="DeliveredRowsSource"/>, all as one or a few array parameters.</summary>
    private protected abstract void BindDeliveredRows(DbCommand command, IReadOnlyList<(Guid Alert, long First, long Last)> rows);

    /// <summary>Binds the alerts of <see cref="AlertsIn"/>.</summary>
    private protected abstract void BindAlerts(DbCommand command, IReadOnlyList<Guid> alerts);

    /// <summary>Sets the connector's subscription (JSON, null for none); returns it as stored, or null when none has the id.</summary>
    public async Task<StoredConnector?> SetSubscriptionAsync(Guid id, string? subscription, bool receiveOwnChanges, CancellationToken cancellationToken) =>
        await UpdateOneAsync(ConnectorStoreSql.SetSubscription, id, c =>
        {
            Add(c, "@subscription", subscription);
            Add(c, "@own", receiveOwnChanges);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Sets (or with a null <paramref name="url"/>, removes) the connector's webhook, its secret already sealed, and
    /// clears how the last one went; returns it as stored, or null when none has the id.
    /// </summary>
    public async Task<StoredConnector?> SetWebhookAsync(Guid id, string? url, byte[]? sealedSecret, CancellationToken cancellationToken) =>
        await UpdateOneAsync(ConnectorStoreSql.SetWebhook, id, c =>
        {
            Add(c, "@url", url);
            Add(c, "@secret", url is null ? null : sealedSecret);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Records a push to the webhook that failed, and why (a delivery is recorded by <see cref="AcknowledgeAsync"/>).</summary>
    public async Task RecordWebhookFailureAsync(Guid id, string error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        var now = Sql.TimeValue(Time.GetUtcNow());
        await ExecuteAsync(cancellationToken, (ConnectorStoreSql.WebhookFailed, c =>
        {
            Add(c, "@now", now);
            Add(c, "@error", error);
            Add(c, "@id", IdValue(id));
        })).ConfigureAwait(false);
    }

    /// <summary>
    /// Acknowledges everything up to <paramref name="sequence"/>, in one transaction: the connector's cursor moves
    /// there (never back), each of <paramref name="delivered"/> (an alert, the first and the last of its changes handed
    /// out) is recorded as delivered, and with <paramref name="byWebhook"/> the webhook's delivery too. False, changing
    /// nothing, when no connector has the id.
    /// </summary>
    public async Task<bool> AcknowledgeAsync(
        Guid id, long sequence, IReadOnlyList<(Guid Alert, long First, long Last)> delivered, bool byWebhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var now = Sql.TimeValue(Time.GetUtcNow());
        var statements = new List<(string, Action<DbCommand>)>
        {
            (ConnectorStoreSql.Acknowledge, c =>
            {
                Add(c, "@sequence", sequence);
                Add(c, "@id", IdValue(id));
            }),
        };
        if (byWebhook)
        {
            statements.Add((ConnectorStoreSql.WebhookDelivered, c =>
            {
                Add(c, "@now", now);
                Add(c, "@id", IdValue(id));
            }));
        }

        if (delivered.Count > 0)
        {
            statements.Add((ConnectorStoreSql.Delivered + DeliveredRowsSource + ConnectorStoreSql.DeliveredConflict, c =>
            {
                Add(c, "@id", IdValue(id));
                BindDeliveredRows(c, delivered);
            }));
        }

        return (await ExecuteAsync(cancellationToken, [.. statements]).ConfigureAwait(false))[0] == 1;
    }

    /// <summary>Which of <paramref name="alerts"/> the connector acknowledged before (and so stay forwarded to it).</summary>
    public async Task<IReadOnlySet<Guid>> ForwardedAsync(Guid id, IReadOnlyCollection<Guid> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var forwarded = (await ReadAsync(
            $"SELECT alert_id FROM connector_alerts WHERE connector_id = @id AND {AlertsIn}",
            c =>
            {
                Add(c, "@id", IdValue(id));
                BindAlerts(c, [.. alerts]);
            },
            r => Sql.ReadGuid(r, 0),
            cancellationToken).ConfigureAwait(false)).ToHashSet();
        return forwarded;
    }

    /// <summary>The connectors that acknowledged the alert <paramref name="alertId"/>, and up to which of its changes.</summary>
    public Task<IReadOnlyList<AlertForwarding>> ForwardingAsync(Guid alertId, CancellationToken cancellationToken) =>
        ReadAsync(ConnectorStoreSql.SelectForwardingOfAlert, c => Add(c, "@alert", IdValue(alertId)), ReadForwarding, cancellationToken);

    /// <summary>The last sequence of the change feed (0 when it is empty).</summary>
    public async Task<long> FeedHeadAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(ConnectorStoreSql.SelectFeedHead, _ => { }, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))[0];

    private async Task<StoredConnector?> UpdateOneAsync(string sql, Guid id, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        var now = Sql.TimeValue(Time.GetUtcNow());
        var rows = await ReadAsync(sql, c =>
        {
            bind(c);
            Add(c, "@now", now);
            Add(c, "@id", IdValue(id));
        }, Read, cancellationToken).ConfigureAwait(false);
        return rows is [var one] ? one : null;
    }

    private AlertForwarding ReadForwarding(DbDataReader r) => new(Sql.ReadGuid(r, 0), Sql.ReadGuid(r, 1), r.GetInt64(2), r.GetInt64(3));
}
