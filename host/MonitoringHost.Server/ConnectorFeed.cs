using System.Globalization;
using System.Text;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;
using Alert = MonitoringHost.Runtime.Alerts.Alert;

namespace MonitoringHost.Server;

/// <summary>
/// What a connector receives, read from the change feed (never from clocks): after a sequence, the alert changes that
/// are for it, in feed order. A change is for the connector when its alert is marked for it by hand
/// (<c>connectorId</c>), matches its subscription as it was right after the change, or was handed to it before (so its
/// later changes, its closing above all, follow it). The connector's own changes are left out unless it asks for
/// them. Each batch handed out is recorded per alert (<see cref="ConnectorHandOuts"/>: pending until acknowledged,
/// attempts). Pull and webhook read the same way.
/// </summary>
internal sealed class ConnectorFeed(ManagementServer server, ConnectorStore connectors)
{
    /// <summary>Feed entries one read looks at, at most (a subscription matching few alerts gets a short batch and a cursor).</summary>
    public const int MaxScanned = 50_000;

    private const int FeedPage = 2_000;
    private const string CursorPrefix = "seq:";

    /// <summary>The batch after <paramref name="after"/> for <paramref name="connector"/>, at most <paramref name="limit"/> changes.</summary>
    public async Task<ConnectorBatch> ReadAsync(StoredConnector connector, long after, int limit, CancellationToken cancellationToken)
    {
        var states = await server.Engine.ResolutionStatesAsync().ConfigureAwait(false);
        var matches = ConnectorSubscriptions.Compile(connector.Delivery.Subscription, server.Space, states);
        var self = connector.Id.ToString();
        var items = new List<AlertFeedChange>(Math.Min(limit, 1024));
        var taken = new HashSet<Guid>();
        var position = after;
        var scanned = 0;
        while (items.Count < limit && scanned < MaxScanned)
        {
            // No more than the batch still needs when every entry counts, and no page smaller than a tenth of a full one.
            var size = Math.Min(Math.Min(FeedPage, MaxScanned - scanned), Math.Max(limit - items.Count, FeedPage / 10));
            var entries = await server.Store.ReadFeedAsync(position, size, cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                break;
            }

            scanned += entries.Count;
            var changes = new List<(long Sequence, AlertFeedChange? Change)>(entries.Count);
            foreach (var entry in entries)
            {
                changes.Add((entry.Sequence, AlertFeedChange.From(entry)));
            }

            // Alerts that are neither marked nor matching may still follow the connector from an earlier batch.
            var unmatched = changes.Where(c => c.Change is { } change && !IsFor(change.Alert)).Select(c => c.Change!.Alert.Id).ToHashSet();
            unmatched.ExceptWith(taken);
            unmatched.RemoveWhere(a => server.HandOuts.Holds(connector.Id, a) && taken.Add(a));
            var before = unmatched.Count == 0 ? (IReadOnlySet<Guid>)new HashSet<Guid>() : await connectors.ForwardedAsync(connector.Id, unmatched, cancellationToken).ConfigureAwait(false);
            foreach (var (sequence, change) in changes)
            {
                position = sequence;
                if (change is null || !(IsFor(change.Alert) || taken.Contains(change.Alert.Id) || before.Contains(change.Alert.Id)))
                {
                    continue;
                }

                taken.Add(change.Alert.Id);
                if (!connector.Delivery.ReceiveOwnChanges && change.ChangedBy == self)
                {
                    continue;
                }

                items.Add(change);
                if (items.Count == limit)
                {
                    break;
                }
            }
        }

        server.HandOuts.Record(connector.Id, items.GroupBy(c => c.Alert.Id).Select(g => (g.Key, g.Max(c => c.Sequence))));
        var head = await connectors.FeedHeadAsync(cancellationToken).ConfigureAwait(false);
        return new ConnectorBatch(items, position, position < head);

        bool IsFor(Alert alert) => alert.ConnectorId == connector.Id || (matches?.Invoke(alert) ?? false);
    }

    /// <summary>A batch as the API and webhooks give it.</summary>
    public static IReadOnlyList<ConnectorAlert> Shape(ConnectorBatch batch) =>
        [.. batch.Items.Select(c => new ConnectorAlert(AlertEndpoints.Shape(c.Alert), c.Sequence)
        {
            Change = c.Created ? AlertFeedChange.CreatedKind : AlertFeedChange.UpdatedKind,
            ChangedBy = c.ChangedBy,
            ChangedByKind = c.History is { } history ? history.By.Kind.ToString().ToLowerInvariant() : null,
            Changes = c.History?.Changes.ToDictionary(f => f.Key, f => (IReadOnlyList<string?>)[f.Value.Old, f.Value.New]),
            Comment = c.History?.Comment,
        })];

    public static string WriteCursor(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + sequence.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The sequence in a cursor this server gave, or null when <paramref name="cursor"/> is not one.</summary>
    public static long? ReadCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                ? sequence
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>Alert changes for a connector, and the feed sequence the batch ends at (past changes that were not for it).</summary>
internal sealed record ConnectorBatch(IReadOnlyList<AlertFeedChange> Items, long Position, bool More);
