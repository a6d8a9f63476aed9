using System.Data.Common;

namespace MonitoringHost.Storage;

/// <summary>
/// The SQL and value conversions the shared store code needs. One small subclass per dialect overrides what differs;
/// dialect-only statements (bulk writes) live in the subclass too.
/// </summary>
internal abstract class InstanceStoreSql
{
    /// <summary>The dialect's folder under <c>Migrations/</c>.</summary>
    public abstract string Dialect { get; }

    public virtual string SelectObjects =>
        "SELECT id, class_name, display_name, path, host_id, properties, created, last_modified FROM objects";

    public virtual string SelectRelationships => "SELECT id, type_name, source_id, target_id, created FROM relationships";

    public virtual string SelectClaims => "SELECT source, kind, item_id FROM claims";

    public virtual string SelectLastSequence => "SELECT coalesce(max(sequence), 0) FROM change_feed";

    // Parameters in clause order, for drivers that bind by position.
    public virtual string SelectFeedPage =>
        "SELECT sequence, kind, subject_id, time, payload FROM change_feed WHERE sequence > @after ORDER BY sequence LIMIT @limit";

    /// <summary>A query giving the database's size in bytes (one row, one integer).</summary>
    public abstract string SelectDatabaseSize { get; }

    /// <summary>The table the migration runner records applied scripts in; created before the first script runs.</summary>
    public abstract string CreateSchemaVersionTable { get; }

    public virtual string SelectSchemaVersions => "SELECT version, name, applied FROM schema_version ORDER BY version";

    public virtual string InsertSchemaVersion => "INSERT INTO schema_version (version, name, applied) VALUES (@version, @name, @applied)";

    /// <summary>
    /// A statement run first in every migration transaction so that two servers opening one database migrate one
    /// after the other; null where beginning the transaction already locks.
    /// </summary>
    public virtual string? LockForMigration => null;

    /// <summary>A time as the dialect's parameter value (UTC, microseconds).</summary>
    public abstract object TimeValue(DateTimeOffset time);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public virtual Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);
}
