using Microsoft.Data.Sqlite;

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
}
