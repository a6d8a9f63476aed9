using System.Data.Common;
using System.Globalization;
using System.Text;

namespace MonitoringHost.Storage;

public abstract partial class ConnectorStore
{
    /// <summary>Rows per hand-out statement (three parameters each, well under either dialect's limit).</summary>
    private const int HandOutRowsPerStatement = 500;

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

    /// <summary>Records a push to the webhook: delivered (<paramref name="error"/> null) or failed, and why.</summary>
    public async Task RecordWebhookAttemptAsync(Guid id, string? error, CancellationToken cancellationToken)
    {
        var now = Sql.TimeValue(Time.GetUtcNow());
        await ExecuteAsync(cancellationToken, (error is null ? ConnectorStoreSql.WebhookDelivered : ConnectorStoreSql.WebhookFailed, c =>
        {
            Add(c, "@now", now);
            if (error is not null)
            {
                Add(c, "@error", error);
            }

            Add(c, "@id", IdValue(id));
        })).ConfigureAwait(false);
    }

    /// <summary>
    /// Records that <paramref name="changes"/> (an alert and the sequence of its last change in the batch; one entry per
    /// alert) were handed to the connector: each alert is then forwarded to it, pending until acknowledged.
    /// </summary>
    public async Task HandOutAsync(Guid id, IReadOnlyList<(Guid Alert, long Sequence)> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var statements = changes.Chunk(HandOutRowsPerStatement).Select(chunk =>
        {
            var sql = new StringBuilder(ConnectorStoreSql.HandOut);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@id, @a{i}, @s{i}, @s{i}, 0, 1)");
            }

            sql.Append(ConnectorStoreSql.HandOutConflict);
            return (sql.ToString(), (Action<DbCommand>)(c =>
            {
                Add(c, "@id", IdValue(id));
                for (var i = 0; i < chunk.Length; i++)
                {
                    Add(c, "@a" + i.ToString(CultureInfo.InvariantCulture), IdValue(chunk[i].Alert));
                    Add(c, "@s" + i.ToString(CultureInfo.InvariantCulture), chunk[i].Sequence);
                }
            }));
        });
        await ExecuteAsync(cancellationToken, [.. statements]).ConfigureAwait(false);
    }

    /// <summary>
    /// Acknowledges everything up to <paramref name="sequence"/>: the connector's cursor moves there (never back) and
    /// the alerts whose last change handed out is at or before it are delivered. False when none has the id.
    /// </summary>
    public async Task<bool> AcknowledgeAsync(Guid id, long sequence, CancellationToken cancellationToken)
    {
        void Bind(DbCommand c)
        {
            Add(c, "@sequence", sequence);
            Add(c, "@id", IdValue(id));
        }

        var counts = await ExecuteAsync(cancellationToken, (ConnectorStoreSql.Acknowledge, Bind), (ConnectorStoreSql.Delivered, Bind)).ConfigureAwait(false);
        return counts[0] == 1;
    }

    /// <summary>Which of <paramref name="alerts"/> were handed to the connector before (and so stay forwarded to it).</summary>
    public async Task<IReadOnlySet<Guid>> ForwardedAsync(Guid id, IReadOnlyCollection<Guid> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var forwarded = new HashSet<Guid>();
        foreach (var chunk in alerts.Chunk(HandOutRowsPerStatement))
        {
            var names = string.Join(", ", chunk.Select((_, i) => "@a" + i.ToString(CultureInfo.InvariantCulture)));
            var rows = await ReadAsync(
                $"SELECT alert_id FROM connector_alerts WHERE connector_id = @id AND alert_id IN ({names})",
                c =>
                {
                    Add(c, "@id", IdValue(id));
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        Add(c, "@a" + i.ToString(CultureInfo.InvariantCulture), IdValue(chunk[i]));
                    }
                },
                r => Sql.ReadGuid(r, 0),
                cancellationToken).ConfigureAwait(false);
            forwarded.UnionWith(rows);
        }

        return forwarded;
    }

    /// <summary>The connectors the alert <paramref name="alertId"/> was handed to, and where it stands with each.</summary>
    public Task<IReadOnlyList<AlertForwarding>> ForwardingAsync(Guid alertId, CancellationToken cancellationToken) =>
        ReadAsync(ConnectorStoreSql.SelectForwardingOfAlert, c => Add(c, "@alert", IdValue(alertId)), ReadForwarding, cancellationToken);

    /// <summary>How many alerts handed to the connector wait for its acknowledgement.</summary>
    public async Task<long> PendingCountAsync(Guid id, CancellationToken cancellationToken) =>
        (await ReadAsync(ConnectorStoreSql.SelectPendingCount, c => Add(c, "@id", IdValue(id)), r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))[0];

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

    private AlertForwarding ReadForwarding(DbDataReader r) =>
        new(Sql.ReadGuid(r, 0), Sql.ReadGuid(r, 1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt32(5));
}
