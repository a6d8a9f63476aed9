using System.Data.Common;

namespace MonitoringHost.Storage;

/// <summary>Runs one query on a connection the caller opened and owns, and reads every row.</summary>
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
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
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
}
