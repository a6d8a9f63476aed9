using System.Data.Common;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>
/// SQLite's SQL: ids as 16-byte BLOBs, times as INTEGER microseconds since the Unix epoch (UTC), one row per
/// statement (the writer reuses one prepared statement per kind of row, see <see cref="SqliteStatement"/>).
/// </summary>
internal sealed class SqliteSql : InstanceStoreSql
{
    public static readonly SqliteSql Instance = new();

    public override string Dialect => "Sqlite";

    // Pages as this connection sees them, the ones still in the WAL included.
    public override string SelectDatabaseSize => "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";

    public override string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied INTEGER NOT NULL) STRICT";

    /// <summary>
    /// Per connection: durable commits (the WAL is synced before COMMIT returns); wait for other writers; a page cache
    /// big enough that a 100,000-row commit does not spill mid-transaction; no checkpoint inside a commit (the store
    /// checkpoints beside commits instead, see <see cref="Checkpoint"/>); the WAL cut back to 64 MB after one.
    /// </summary>
    public static string SessionSettings(int busyTimeoutMilliseconds) =>
        $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {busyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}; " +
        "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;";

    /// <summary>Copies committed WAL pages into the database file without blocking writers or readers.</summary>
    public const string Checkpoint = "PRAGMA wal_checkpoint(PASSIVE)";

    /// <summary>Persistent in the file; returns the mode in force.</summary>
    public const string UseWriteAheadLog = "PRAGMA journal_mode = WAL";

    // The writer binds by position (?1, ?2…) in the order the columns are listed.
    public const string UpsertObject =
        """
        INSERT INTO objects (id, class_name, display_name, path, host_id, properties, created, last_modified)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT (id) DO UPDATE SET class_name = excluded.class_name, display_name = excluded.display_name,
            path = excluded.path, host_id = excluded.host_id, properties = excluded.properties,
            created = excluded.created, last_modified = excluded.last_modified
        """;

    public const string DeleteObject = "DELETE FROM objects WHERE id = ?1";

    public const string InsertRelationship =
        "INSERT INTO relationships (id, type_name, source_id, target_id, created) VALUES (?1, ?2, ?3, ?4, ?5)";

    public const string DeleteRelationship = "DELETE FROM relationships WHERE id = ?1";

    public const string InsertClaim = "INSERT INTO claims (source, kind, item_id) VALUES (?1, ?2, ?3)";

    public const string DeleteClaim = "DELETE FROM claims WHERE source = ?1 AND kind = ?2 AND item_id = ?3";

    public const string InsertFeedEvent = "INSERT INTO change_feed (kind, subject_id, time, payload) VALUES (?1, ?2, ?3, ?4)";

    public override object TimeValue(DateTimeOffset time) => StoredTime.UnixMicroseconds(time);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => StoredTime.FromUnixMicroseconds(reader.GetInt64(ordinal));
}
