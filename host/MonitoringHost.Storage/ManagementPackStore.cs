using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Storage.Postgres;
using MonitoringHost.Storage.Sqlite;

namespace MonitoringHost.Storage;

/// <summary>
/// The management packs imported through the API (table of <c>0006_management_packs.sql</c>), through the instance
/// store's connections and clock. An import of several packs is written in one transaction; a removal deletes the
/// pack's row together with the objects and relationships only it defined (their claims, monitor states, maintenance
/// rows, and their <c>object.removed</c> / <c>relationship.removed</c> feed events) in one transaction.
/// </summary>
public abstract class ManagementPackStore : CompanionStore
{
    private protected ManagementPackStore(InstanceStore owner, InstanceStoreSql sql)
        : base(owner, sql)
    {
    }

    /// <summary>The management pack store of <paramref name="store"/>'s database (its schema already brought up to date).</summary>
    public static ManagementPackStore For(InstanceStore store) =>
        For<ManagementPackStore>(store, sqlite => new SqliteManagementPackStore(sqlite), postgres => new PostgresManagementPackStore(postgres));

    /// <summary>Every imported pack, by name.</summary>
    public Task<IReadOnlyList<StoredManagementPack>> ListAsync(CancellationToken cancellationToken) =>
        ReadAsync(ManagementPackStoreSql.SelectAll, _ => { }, Read, cancellationToken);

    /// <summary>Writes <paramref name="packs"/> (new ones added, same names replaced) in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyList<StoredManagementPack> packs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packs);
        if (packs.Count == 0)
        {
            return;
        }

        await ExecuteAsync(cancellationToken, [.. packs.Select(p => (ManagementPackStoreSql.Upsert, (Action<DbCommand>)(c =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(p.Name);
            ArgumentException.ThrowIfNullOrWhiteSpace(p.ImportedBy);
            Add(c, "@name", p.Name);
            Add(c, "@version", p.Version.ToString());
            Add(c, "@sealed", p.Sealed);
            Add(c, "@public_key_token", p.PublicKeyToken);
            Add(c, "@xml", p.Xml);
            Add(c, "@imported_at", Sql.TimeValue(p.ImportedAt));
            Add(c, "@imported_by", p.ImportedBy);
        })))]).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the pack <paramref name="name"/> and, in the same transaction, <paramref name="objects"/> and
    /// <paramref name="relationships"/> (with the claims on them, the objects' monitor states and maintenance rows)
    /// and their feed events. Returns false, changing nothing, when no imported pack has that name.
    /// </summary>
    public async Task<bool> DeleteAsync(string name, IReadOnlyList<MonitoringObject> objects, IReadOnlyList<RelationshipInstance> relationships, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(relationships);
        var now = Time.GetUtcNow();
        var statements = new List<(string Sql, Action<DbCommand> Bind)>();
        if (LockFeed is { } lockFeed)
        {
            statements.Add((lockFeed, _ => { }));
        }

        foreach (var relationship in relationships)
        {
            statements.Add(Row(ManagementPackStoreSql.DeleteClaimsOn, name, relationship.Id));
            statements.Add(Row(ManagementPackStoreSql.DeleteRelationship, name, relationship.Id));
            statements.Add(FeedEvent(name, "relationship.removed", relationship.Id, now, new { id = relationship.Id, type = relationship.TypeName, sourceId = relationship.SourceId, targetId = relationship.TargetId }));
        }

        foreach (var item in objects)
        {
            foreach (var sql in new[] { ManagementPackStoreSql.DeleteClaimsOn, ManagementPackStoreSql.DeleteMonitorStates, ManagementPackStoreSql.DeleteMaintenance, ManagementPackStoreSql.DeleteObject })
            {
                statements.Add(Row(sql, name, item.Id));
            }

            statements.Add(FeedEvent(name, "object.removed", item.Id, now, new { id = item.Id, className = item.ClassName, displayName = item.DisplayName, path = item.Path }));
        }

        statements.Add((ManagementPackStoreSql.Delete, c => Add(c, "@name", name)));
        var counts = await ExecuteAsync(cancellationToken, [.. statements]).ConfigureAwait(false);
        Owner.Feed.Raise();
        return counts[^1] > 0;
    }

    /// <summary>The statement that orders feed writers (PostgreSQL), or null where there is one writer at a time (SQLite).</summary>
    private protected abstract string? LockFeed { get; }

    private (string Sql, Action<DbCommand> Bind) Row(string sql, string pack, Guid id) =>
        (sql, c =>
        {
            Add(c, "@id", IdValue(id));
            Add(c, "@name", pack);
        });

    private (string Sql, Action<DbCommand> Bind) FeedEvent(string pack, string kind, Guid subject, DateTimeOffset time, object payload) =>
        (ManagementPackStoreSql.InsertFeedEvent, c =>
        {
            Add(c, "@kind", kind);
            Add(c, "@id", IdValue(subject));
            Add(c, "@time", Sql.TimeValue(time));
            Add(c, "@payload", JsonSerializer.Serialize(payload));
            Add(c, "@name", pack);
        });

    private StoredManagementPack Read(DbDataReader r) => new(
        r.GetString(0),
        Version.Parse(r.GetString(1)),
        Convert.ToBoolean(r.GetValue(2), CultureInfo.InvariantCulture),
        Text(r, 3),
        r.GetFieldValue<byte[]>(4),
        Sql.ReadTime(r, 5),
        r.GetString(6));
}
