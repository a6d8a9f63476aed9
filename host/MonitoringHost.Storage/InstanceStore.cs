using System.Data;
using System.Data.Common;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Storage.Migrations;

namespace MonitoringHost.Storage;

/// <summary>
/// The instance space in a relational database. Loading, feed paging and migrations are shared; each dialect
/// writes change sets its own fastest way (<see cref="Sqlite.SqliteInstanceStore"/>,
/// <see cref="Postgres.PostgresInstanceStore"/>). Open one through <see cref="InstanceStoreFactory"/>.
/// </summary>
public abstract class InstanceStore : IInstanceStore, IAsyncDisposable
{
    private protected InstanceStore(InstanceStoreSql sql, TimeProvider time)
    {
        Sql = sql;
        Time = time;
    }

    public abstract StoreProvider Provider { get; }

    private protected InstanceStoreSql Sql { get; }

    private protected TimeProvider Time { get; }

    /// <summary>
    /// Waits for this process's turn to write, for one transaction; dispose the turn after the commit. SQLite has one
    /// writer at a time, and its busy handler makes a waiting writer sleep longer and longer (up to 100 ms between
    /// tries), so that behind a steady stream of short commits one writer could wait for half a second: taking turns
    /// in the process, in order, keeps each wait to the commits ahead of it. PostgreSQL needs no turn.
    /// </summary>
    internal virtual ValueTask<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult(default(WriteTurn));

    /// <summary>Raised after each commit of this process that appends to the change feed.</summary>
    public FeedSignal Feed { get; } = new();

    /// <summary>The clock, for the companion stores that record times of their own.</summary>
    internal TimeProvider Clock => Time;

    /// <inheritdoc />
    public Task<StoredInstances> LoadAsync(CancellationToken cancellationToken) => ReadEverythingAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<long> CommitAsync(InstanceChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return await ReadFeedHeadAsync(cancellationToken).ConfigureAwait(false);
        }

        RejectRepeatedObjects(changes.UpsertedObjects);
        var sequence = await WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        Feed.Raise();
        return sequence;
    }

    /// <summary>
    /// The sequence of the change feed's last entry (0 while it is empty): where a reader that wants only what commits
    /// from now on starts.
    /// </summary>
    public async Task<long> ReadFeedHeadAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadLastSequenceAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChangeFeedEntry>> ReadFeedAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Sql.SelectFeedPage;
                AddParameter(command, "@after", afterSequence);
                AddParameter(command, "@limit", limit);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var entries = new List<ChangeFeedEntry>(Math.Min(limit, 4096));
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        entries.Add(new ChangeFeedEntry(reader.GetInt64(0), reader.GetString(1), Sql.ReadGuid(reader, 2), Sql.ReadTime(reader, 3), reader.GetString(4)));
                    }

                    return entries;
                }
            }
        }
    }

    /// <summary>The database's size in bytes, read from the database itself (so it also tells whether the store answers).</summary>
    public async Task<long> ReadSizeAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Sql.SelectDatabaseSize;
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>The schema scripts applied to this database, in version order.</summary>
    public async Task<IReadOnlyList<AppliedMigration>> ReadSchemaVersionsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await MigrationRunner.ReadAsync(connection, null, Sql, cancellationToken).ConfigureAwait(false);
        }
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>Completes once work the store does beside commits (SQLite's WAL checkpoint) has finished.</summary>
    public virtual Task WhenIdleAsync() => Task.CompletedTask;

    /// <summary>Applies the schema scripts this database lacks; returns the versions applied now.</summary>
    internal async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await MigrationRunner.RunAsync(connection, Sql, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads objects, relationships, claims and the last sequence in one snapshot, so that they agree with each other;
    /// strings that repeat across rows (class names, property names, claim sources) are shared.
    /// </summary>
    private protected virtual async Task<StoredInstances> ReadEverythingAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using var strings = new SharedStrings();
                using var json = new PropertiesJson(strings);
                var objects = await ReadAllAsync(connection, transaction, Sql.SelectObjects, r => ReadObject(r, strings, json), cancellationToken).ConfigureAwait(false);
                var relationships = await ReadAllAsync(connection, transaction, Sql.SelectRelationships, r => ReadRelationship(r, strings), cancellationToken).ConfigureAwait(false);
                var claims = await ReadAllAsync(connection, transaction, Sql.SelectClaims, r => ReadClaim(r, strings), cancellationToken).ConfigureAwait(false);
                var last = await ReadLastSequenceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new StoredInstances(objects, relationships, claims, last);
            }
        }
    }

    /// <summary>A connection set up as the store sets up its own (for tests that check session settings).</summary>
    internal ValueTask<DbConnection> OpenSessionAsync(CancellationToken cancellationToken) => OpenConnectionAsync(cancellationToken);

    /// <summary>A read-only transaction on <paramref name="connection"/> that sees one committed state throughout.</summary>
    internal ValueTask<DbTransaction> BeginSnapshotTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginSnapshotAsync(connection, cancellationToken);

    private protected virtual ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>An open connection with the session settings the store relies on.</summary>
    private protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a non-empty change set and its feed events in one transaction, returns the last sequence number, and
    /// returns only once the transaction is durable. On any failure nothing is written.
    /// </summary>
    private protected abstract Task<long> WriteAsync(InstanceChangeSet changes, CancellationToken cancellationToken);

    // SQLite would keep the last of two rows for one id and PostgreSQL would refuse both: refuse in both, up front.
    private static void RejectRepeatedObjects(IReadOnlyList<MonitoringObject> objects)
    {
        if (objects.Count < 2)
        {
            return;
        }

        var ids = new HashSet<Guid>(objects.Count);
        foreach (var item in objects)
        {
            if (!ids.Add(item.Id))
            {
                throw new ArgumentException($"the change set writes the object {item.Id} ({item.ClassName} '{item.DisplayName}') more than once", nameof(objects));
            }
        }
    }

    private protected async Task<long> ReadLastSequenceAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = Sql.SelectLastSequence;
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private protected static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task<List<T>> ReadAllAsync<T>(DbConnection connection, DbTransaction transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var items = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    items.Add(read(reader));
                }

                return items;
            }
        }
    }

    private MonitoringObject ReadObject(DbDataReader reader, SharedStrings strings, PropertiesJson json) => new(
        Sql.ReadGuid(reader, 0),
        strings.Get(reader.GetString(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : Sql.ReadGuid(reader, 4),
        json.Read(reader.GetString(5)),
        Sql.ReadTime(reader, 6),
        Sql.ReadTime(reader, 7));

    private RelationshipInstance ReadRelationship(DbDataReader reader, SharedStrings strings) =>
        new(Sql.ReadGuid(reader, 0), strings.Get(reader.GetString(1)), Sql.ReadGuid(reader, 2), Sql.ReadGuid(reader, 3), Sql.ReadTime(reader, 4));

    private Claim ReadClaim(DbDataReader reader, SharedStrings strings) => new(strings.Get(reader.GetString(0)), (ClaimKind)reader.GetInt16(1), Sql.ReadGuid(reader, 2));
}
