using System.Buffers;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>
/// The store in one SQLite file, in WAL mode with <c>synchronous=FULL</c>: a commit is on disk when
/// <see cref="InstanceStore.CommitAsync"/> returns. Writers queue on SQLite's lock (busy timeout). Microsoft.Data.Sqlite
/// runs synchronously underneath; a large commit blocks the calling thread for its duration.
/// </summary>
public sealed class SqliteInstanceStore : InstanceStore
{
    // Rows committed before a checkpoint is worth starting (SQLite's own default is about 1,000 pages).
    private const int CheckpointAfterRows = 2_000;

    private readonly string _connectionString;
    private readonly string _sessionSettings;
    private readonly Lock _checkpointLock = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private Task _checkpoint = Task.CompletedTask;
    private long _rowsSinceCheckpoint;
    private bool _disposed;

    private SqliteInstanceStore(string connectionString, TimeSpan busyTimeout, TimeProvider time)
        : base(SqliteSql.Instance, time)
    {
        _connectionString = connectionString;
        _sessionSettings = SqliteSql.SessionSettings((int)busyTimeout.TotalMilliseconds);
    }

    public override StoreProvider Provider => StoreProvider.Sqlite;

    /// <summary>The database file.</summary>
    public string FilePath => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    internal static async Task<SqliteInstanceStore> OpenAsync(StoreOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(options.DataFolder, StoreOptions.DefaultFileName) }
            : new SqliteConnectionStringBuilder(options.ConnectionString);
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        builder.DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var store = new SqliteInstanceStore(builder.ConnectionString, options.BusyTimeout, time);
        try
        {
            var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = SqliteSql.UseWriteAheadLog;
                    var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                    if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new InvalidOperationException($"SQLite would not use write-ahead logging for '{builder.DataSource}' (journal mode '{mode}')");
                    }
                }
            }

            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Task checkpoint;
        lock (_checkpointLock)
        {
            _disposed = true;
            checkpoint = _checkpoint;
        }

        await checkpoint.ConfigureAwait(false);

        // Closing the pooled connections lets SQLite checkpoint the rest of the WAL into the file and release it.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public override Task WhenIdleAsync()
    {
        lock (_checkpointLock)
        {
            return _checkpoint;
        }
    }

    internal override async ValueTask<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WriteTurn(_writeGate);
    }

    // Deferred: a WAL reader sees the state at its first read and never blocks the writer.
    private protected override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    private protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var settings = connection.CreateCommand();
            settings.CommandText = _sessionSettings;
            settings.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Reads rows straight off the handle: a million objects load without a string per id, time or repeated name.
    private protected override async Task<StoredInstances> ReadEverythingAsync(CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            using var strings = new SharedStrings();
            using var json = new PropertiesJson(strings);
            var objects = ReadAll(connection, Sql.SelectObjects, s => new MonitoringObject(
                s.GetGuid(0),
                strings.GetUtf8(s.GetUtf8(1)),
                s.GetString(2),
                s.GetString(3),
                s.IsNull(4) ? null : s.GetGuid(4),
                json.Read(s.GetUtf8(5)),
                StoredTime.FromUnixMicroseconds(s.GetInt64(6)),
                StoredTime.FromUnixMicroseconds(s.GetInt64(7))), cancellationToken);
            var relationships = ReadAll(connection, Sql.SelectRelationships, s => new RelationshipInstance(
                s.GetGuid(0), strings.GetUtf8(s.GetUtf8(1)), s.GetGuid(2), s.GetGuid(3), StoredTime.FromUnixMicroseconds(s.GetInt64(4))), cancellationToken);
            var claims = ReadAll(connection, Sql.SelectClaims, s => new Claim(strings.GetUtf8(s.GetUtf8(0)), (ClaimKind)s.GetInt64(1), s.GetGuid(2)), cancellationToken);
            var last = await ReadLastSequenceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return new StoredInstances(objects, relationships, claims, last);
        }
    }

    private static List<T> ReadAll<T>(SqliteConnection connection, string sql, Func<SqliteStatement, T> read, CancellationToken cancellationToken)
    {
        using var statement = new SqliteStatement(connection, sql);
        var rows = new List<T>();
        while (statement.Read())
        {
            if (rows.Count % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            rows.Add(read(statement));
        }

        return rows;
    }

    private protected override async Task<long> WriteAsync(InstanceChangeSet changes, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // BEGIN IMMEDIATE: take the write lock now rather than fail to upgrade a read lock halfway.
            using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            var writer = new SqliteRowWriter(connection, cancellationToken);
            writer.Run(SqliteSql.DeleteRelationship, changes.RemovedRelationships, static (s, id, _) => s.Bind(1, id));
            writer.Run(SqliteSql.DeleteClaim, changes.RemovedClaims, BindClaim);
            writer.Run(SqliteSql.DeleteObject, changes.RemovedObjects, static (s, id, _) => s.Bind(1, id));
            var objects = KeyOrder.ById(changes.UpsertedObjects, static o => o.Id);
            using var properties = new EncodedColumn<MonitoringObject>(objects, static (o, w) => PropertiesJson.Write(o.Properties, w));
            using var payloads = SqliteRowWriter.Payloads(changes.FeedEvents);
            writer.Run(SqliteSql.UpsertObject, objects, (s, o, i) =>
            {
                s.Bind(1, o.Id);
                s.Bind(2, o.ClassName);
                s.Bind(3, o.DisplayName);
                s.Bind(4, o.Path);
                s.Bind(5, o.HostId);
                s.BindUtf8(6, properties[i]);
                s.Bind(7, o.Created);
                s.Bind(8, o.LastModified);
            });
            writer.Run(SqliteSql.InsertRelationship, KeyOrder.ById(changes.AddedRelationships, static r => r.Id), static (s, r, _) =>
            {
                s.Bind(1, r.Id);
                s.Bind(2, r.TypeName);
                s.Bind(3, r.SourceId);
                s.Bind(4, r.TargetId);
                s.Bind(5, r.Created);
            });
            writer.Run(SqliteSql.InsertClaim, KeyOrder.Claims(changes.AddedClaims), BindClaim);
            writer.RunFeed(changes.FeedEvents, payloads);

            var last = await ReadLastSequenceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

            // Not cancellable: once COMMIT starts its outcome must be known to the caller. With synchronous=FULL
            // it returns after the WAL is synced.
            transaction.Commit();
            ScheduleCheckpoint(changes.UpsertedObjects.Count + changes.RemovedObjects.Count + changes.AddedRelationships.Count
                + changes.RemovedRelationships.Count + changes.AddedClaims.Count + changes.RemovedClaims.Count + changes.FeedEvents.Count);
            return last;
        }
    }

    /// <summary>
    /// Starts a WAL checkpoint beside the commits once enough has been written, one at a time. In the commit itself
    /// (SQLite's default) it would add the copying of a large commit's pages to the next small commit's time. Every
    /// writer on this file calls it after its commit with the rows it wrote.
    /// </summary>
    internal void ScheduleCheckpoint(int rows)
    {
        if (Interlocked.Add(ref _rowsSinceCheckpoint, rows) < CheckpointAfterRows)
        {
            return;
        }

        lock (_checkpointLock)
        {
            if (_disposed || !_checkpoint.IsCompleted)
            {
                return;
            }

            Interlocked.Exchange(ref _rowsSinceCheckpoint, 0);
            _checkpoint = Task.Run(CheckpointAsync);
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            var connection = await OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = SqliteSql.Checkpoint;
                command.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // Nothing is lost: committed data is safe in the WAL, and the next checkpoint copies it.
            Interlocked.Add(ref _rowsSinceCheckpoint, CheckpointAfterRows);
        }
    }

    private static void BindClaim(SqliteStatement statement, Claim claim, int _)
    {
        statement.Bind(1, claim.Source);
        statement.Bind(2, (long)claim.Kind);
        statement.Bind(3, claim.ItemId);
    }
}
