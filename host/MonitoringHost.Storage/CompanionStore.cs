using System.Data.Common;
using MonitoringHost.Storage.Postgres;
using MonitoringHost.Storage.Sqlite;

namespace MonitoringHost.Storage;

/// <summary>
/// A store of more tables in an <see cref="InstanceStore"/>'s database (<see cref="CollectedDataStore"/>,
/// <see cref="CredentialStore"/>, <see cref="OperationsStore"/>): it uses that store's connections and schema, and lives as long as it does. One
/// subclass per dialect gives the dialect's parameter values.
/// </summary>
public abstract class CompanionStore
{
    private readonly InstanceStore _owner;

    private protected CompanionStore(InstanceStore owner, InstanceStoreSql sql)
    {
        _owner = owner;
        Sql = sql;
    }

    public StoreProvider Provider => _owner.Provider;

    private protected InstanceStore Owner => _owner;

    private protected InstanceStoreSql Sql { get; }

    /// <summary>The instance store's clock.</summary>
    private protected TimeProvider Time => _owner.Clock;

    /// <summary>The dialect's companion of <paramref name="store"/>, made by <paramref name="sqlite"/> or <paramref name="postgres"/>.</summary>
    private protected static T For<T>(InstanceStore store, Func<SqliteInstanceStore, T> sqlite, Func<PostgresInstanceStore, T> postgres) => store switch
    {
        SqliteInstanceStore s => sqlite(s),
        PostgresInstanceStore p => postgres(p),
        null => throw new ArgumentNullException(nameof(store)),
        _ => throw new ArgumentException($"no {typeof(T).Name} for {store.Provider}", nameof(store)),
    };

    /// <summary>An id as the dialect's parameter value (the driver's default for a Guid is not always the column's type).</summary>
    private protected abstract object IdValue(Guid id);

    private protected ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => _owner.OpenSessionAsync(cancellationToken);

    private protected static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private protected static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Runs one query on a connection of its own and reads every row.</summary>
    private protected async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        await DbQuery.ReadAllAsync(await OpenConnectionAsync(cancellationToken).ConfigureAwait(false), sql, bind, read, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs the statements in one transaction; returns the rows each affected.</summary>
    private protected async Task<int[]> ExecuteAsync(CancellationToken cancellationToken, params (string Sql, Action<DbCommand> Bind)[] statements)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var turn = await _owner.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var counts = new int[statements.Length];
                for (var i = 0; i < statements.Length; i++)
                {
                    var command = connection.CreateCommand();
                    await using (command.ConfigureAwait(false))
                    {
                        command.Transaction = transaction;
                        command.CommandText = statements[i].Sql;
                        statements[i].Bind(command);
                        counts[i] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                // Not cancellable: once the commit is sent its outcome must be known.
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return counts;
            }
        }
    }
}
