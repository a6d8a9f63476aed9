using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// A page of the alerts a criteria matches: store pages (in the store's order, with the query's <c>open</c> and
/// <c>since</c>) are read and filtered until the page is full or the store has no more. The next cursor is after the
/// last alert looked at, matched or not, so the next page resumes exactly there. One request looks at
/// <see cref="MaxScanned"/> alerts at most: a criteria matching very few alerts then returns a short (even empty) page
/// with a cursor, rather than reading the whole store.
/// </summary>
internal static class AlertListing
{
    public const int MaxScanned = 50_000;

    public static async Task<AlertPage> ReadMatchingAsync(
        OperationsStore store, AlertQuery query, Func<Alert, bool> filter, CancellationToken cancellationToken, int maxScanned = MaxScanned)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxScanned);
        var items = new List<Alert>(query.Limit);
        var read = query;
        var pageSize = Math.Clamp(query.Limit * 4, 50, 5_000);
        var scanned = 0;
        while (true)
        {
            read = read with { Limit = Math.Min(pageSize, maxScanned - scanned) };
            var page = await store.ReadAlertsAsync(read, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < page.Items.Count; i++)
            {
                var alert = page.Items[i];
                if (filter(alert))
                {
                    items.Add(alert);
                    if (items.Count == query.Limit)
                    {
                        var last = i == page.Items.Count - 1 && page.Next is null;
                        return new AlertPage(items, last ? null : new AlertCursor(alert.LastModified, alert.Id));
                    }
                }
            }

            scanned += page.Items.Count;
            if (page.Next is null || scanned >= maxScanned)
            {
                return new AlertPage(items, page.Next);
            }

            read = read with { After = page.Next };
        }
    }
}
