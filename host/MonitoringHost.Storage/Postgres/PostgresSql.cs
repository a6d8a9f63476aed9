using System.Data.Common;

namespace MonitoringHost.Storage.Postgres;

/// <summary>
/// PostgreSQL's SQL: set-based writes from arrays (<c>unnest</c>) and binary COPY, so a change set costs a handful of
/// round trips whatever its size. Batched statements take positional parameters ($1, $2…).
/// </summary>
internal sealed class PostgresSql : InstanceStoreSql
{
    public static readonly PostgresSql Instance = new();

    public override string Dialect => "Postgres";

    public override string SelectDatabaseSize => "SELECT pg_database_size(current_database())";

    public override string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL)";

    // Servers of a pool opening one database at once migrate it one after the other (key: 'MHSCHEMA' in ASCII).
    public override string? LockForMigration => "SELECT pg_advisory_xact_lock(5569218427946985793)";

    /// <summary>
    /// Taken first by every writer and held to commit: feed sequence numbers are drawn in commit order, so a reader
    /// paging by sequence never skips an entry that commits later with a smaller number. Readers are not blocked.
    /// </summary>
    public const string LockFeed = "LOCK TABLE change_feed IN EXCLUSIVE MODE";

    /// <summary>
    /// A commit must be durable when it returns: where the server's default is <c>synchronous_commit=off</c>, this
    /// transaction turns it on (every other setting already waits for the local WAL flush, and is left alone).
    /// </summary>
    public const string EnsureDurableCommit =
        "SELECT set_config('synchronous_commit', 'on', true) WHERE current_setting('synchronous_commit') = 'off'";

    public const string DeleteRelationships = "DELETE FROM relationships WHERE id = ANY($1)";

    public const string DeleteObjects = "DELETE FROM objects WHERE id = ANY($1)";

    public const string DeleteClaims =
        """
        DELETE FROM claims c USING unnest($1::text[], $2::smallint[], $3::uuid[]) AS r(source, kind, item_id)
        WHERE c.source = r.source AND c.kind = r.kind AND c.item_id = r.item_id
        """;

    public const string UpsertObjects =
        """
        INSERT INTO objects (id, class_name, display_name, path, host_id, properties, created, last_modified)
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::timestamptz[], $8::timestamptz[])
        ON CONFLICT (id) DO UPDATE SET class_name = excluded.class_name, display_name = excluded.display_name,
            path = excluded.path, host_id = excluded.host_id, properties = excluded.properties,
            created = excluded.created, last_modified = excluded.last_modified
        """;

    public const string CopyRelationships = "COPY relationships (id, type_name, source_id, target_id, created) FROM STDIN (FORMAT BINARY)";

    public const string CopyClaims = "COPY claims (source, kind, item_id) FROM STDIN (FORMAT BINARY)";

    // COPY keeps row order, so identity values follow the order of the change set's events.
    public const string CopyFeedEvents = "COPY change_feed (kind, subject_id, time, payload) FROM STDIN (FORMAT BINARY)";

    public override object TimeValue(DateTimeOffset time) => StoredTime.UtcDateTime(time);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => StoredTime.FromUtc(reader.GetFieldValue<DateTime>(ordinal));
}
