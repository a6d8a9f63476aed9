using System.Data.Common;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;
using Npgsql;
using NpgsqlTypes;
using static MonitoringHost.Storage.Postgres.PostgresBulk;

namespace MonitoringHost.Storage.Postgres;

/// <summary>
/// The store in a PostgreSQL database shared by the servers of a pool. A change set is one transaction: a batch of
/// set-based deletes and upserts, then binary COPY of new relationships, claims and feed events. The commit returns
/// after PostgreSQL has flushed it to its WAL, whatever the server's <c>synchronous_commit</c> default.
/// </summary>
public sealed class PostgresInstanceStore : InstanceStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresInstanceStore(NpgsqlDataSource dataSource, TimeProvider time)
        : base(PostgresSql.Instance, time)
    {
        _dataSource = dataSource;
    }

    public override StoreProvider Provider => StoreProvider.Postgres;

    internal static async Task<PostgresInstanceStore> OpenAsync(StoreOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (!builder.ContainsKey(nameof(NpgsqlConnectionStringBuilder.CommandTimeout)))
        {
            builder.CommandTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds);
        }

        var store = new PostgresInstanceStore(NpgsqlDataSource.Create(builder), time);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private protected override async Task<long> WriteAsync(InstanceChangeSet changes, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await PostgresBulk.WriteAsync(connection, batch =>
        {
            AddDeletes(batch, changes);
            AddUpserts(batch, changes.UpsertedObjects, cancellationToken);
        }, async transaction =>
        {
            await CopyAsync(connection, PostgresSql.CopyRelationships, changes.AddedRelationships, static async (w, r, ct) =>
            {
                await w.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(r.TypeName, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(r.SourceId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(r.TargetId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await w.WriteAsync(StoredTime.UtcDateTime(r.Created), NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            await CopyAsync(connection, PostgresSql.CopyClaims, changes.AddedClaims, static async (w, c, ct) =>
            {
                await w.WriteAsync(c.Source, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync((short)c.Kind, NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
                await w.WriteAsync(c.ItemId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            await CopyFeedEventsAsync(connection, changes.FeedEvents, cancellationToken).ConfigureAwait(false);

            return await ReadLastSequenceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void AddDeletes(NpgsqlBatch batch, InstanceChangeSet changes)
    {
        if (changes.RemovedRelationships.Count > 0)
        {
            batch.BatchCommands.Add(Command(PostgresSql.DeleteRelationships, Parameter(changes.RemovedRelationships.ToArray())));
        }

        if (changes.RemovedClaims.Count > 0)
        {
            var claims = changes.RemovedClaims;
            var sources = new string[claims.Count];
            var kinds = new short[claims.Count];
            var items = new Guid[claims.Count];
            for (var i = 0; i < claims.Count; i++)
            {
                (sources[i], kinds[i], items[i]) = (claims[i].Source, (short)claims[i].Kind, claims[i].ItemId);
            }

            batch.BatchCommands.Add(Command(PostgresSql.DeleteClaims, Parameter(sources), Parameter(kinds), Parameter(items)));
        }

        if (changes.RemovedObjects.Count > 0)
        {
            batch.BatchCommands.Add(Command(PostgresSql.DeleteObjects, Parameter(changes.RemovedObjects.ToArray())));
        }
    }

    private static void AddUpserts(NpgsqlBatch batch, IReadOnlyList<MonitoringObject> objects, CancellationToken cancellationToken)
    {
        if (objects.Count == 0)
        {
            return;
        }

        var count = objects.Count;
        var ids = new Guid[count];
        var classes = new string[count];
        var names = new string[count];
        var paths = new string[count];
        var hosts = new Guid?[count];
        var properties = new string[count];
        var created = new DateTime[count];
        var modified = new DateTime[count];
        using var json = new PropertiesJson();
        for (var i = 0; i < count; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var o = objects[i];
            ids[i] = o.Id;
            classes[i] = o.ClassName;
            names[i] = o.DisplayName;
            paths[i] = o.Path;
            hosts[i] = o.HostId;
            properties[i] = json.Write(o.Properties);
            created[i] = StoredTime.UtcDateTime(o.Created);
            modified[i] = StoredTime.UtcDateTime(o.LastModified);
        }

        batch.BatchCommands.Add(Command(
            PostgresSql.UpsertObjects,
            Parameter(ids), Parameter(classes), Parameter(names), Parameter(paths),
            Parameter(hosts), Parameter(properties), Parameter(created), Parameter(modified)));
    }
}
