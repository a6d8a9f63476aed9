using Microsoft.Data.Sqlite;
using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>
/// Runs one prepared statement per row inside the connection's open transaction, rebinding its parameters
/// (<see cref="SqliteStatement"/>); checks for cancellation as it goes.
/// </summary>
internal readonly struct SqliteRowWriter(SqliteConnection connection, CancellationToken cancellationToken)
{
    private const int CancellationCheckInterval = 512;

    public void Run<T>(string sql, IReadOnlyList<T> rows, Action<SqliteStatement, T, int> bind)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var statement = new SqliteStatement(connection, sql);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            bind(statement, rows[i], i);
            statement.Execute();
        }
    }

    /// <summary>
    /// The feed payloads of <paramref name="events"/>, encoded on another thread while the writer writes the rows
    /// before them (create it before those rows); dispose it after <see cref="RunFeed"/>.
    /// </summary>
    public static EncodedColumn<ChangeFeedEvent> Payloads(IReadOnlyList<ChangeFeedEvent> events) =>
        new(events, static (e, w) => e.WritePayload(w));

    /// <summary>Appends <paramref name="events"/> to the change feed in their order.</summary>
    public void RunFeed(IReadOnlyList<ChangeFeedEvent> events, EncodedColumn<ChangeFeedEvent> payloads) =>
        Run(SqliteSql.InsertFeedEvent, events, (s, e, i) =>
        {
            s.Bind(1, e.Kind);
            s.Bind(2, e.SubjectId);
            s.Bind(3, e.Time);
            s.BindUtf8(4, payloads[i]);
        });
}
