using System.Data.Common;

namespace MonitoringHost.Storage;

/// <summary>Runs one query and reads every row.</summary>
internal static class DbQuery
{
    /// <summary>
    /// Takes <paramref name="connection"/> (disposed when done), runs <paramref name="sql"/> with the parameters
    /// <paramref name="bind"/> adds and maps each row with <paramref name="read"/>.
    /// </summary>
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbConnection connection, string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using (connection.ConfigureAwait(false))
        {
            return await ReadAllAsync(connection, null, sql, bind, read, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="sql"/> on a connection the caller keeps, in <paramref name="transaction"/> if one is given.</summary>
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        DbConnection connection, DbTransaction? transaction, string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            bind(command);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(read(reader));
                }

                return rows;
            }
        }
    }
}
