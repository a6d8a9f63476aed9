namespace MonitoringHost.Storage;

/// <summary>
/// The SQL of the management pack store; both dialects accept it as written (named parameters, <c>ON CONFLICT</c>).
/// Ids, booleans and times differ by column type (<c>0006_management_packs.sql</c>) and by the dialect's values.
/// </summary>
internal static class ManagementPackStoreSql
{
    public const string SelectAll = "SELECT name, version, sealed, public_key_token, xml, imported_at, imported_by FROM management_packs ORDER BY name";

    public const string Upsert =
        """
        INSERT INTO management_packs (name, version, sealed, public_key_token, xml, imported_at, imported_by)
        VALUES (@name, @version, @sealed, @public_key_token, @xml, @imported_at, @imported_by)
        ON CONFLICT (name) DO UPDATE SET version = excluded.version, sealed = excluded.sealed,
            public_key_token = excluded.public_key_token, xml = excluded.xml, imported_at = excluded.imported_at, imported_by = excluded.imported_by
        """;

    public const string Delete = "DELETE FROM management_packs WHERE name = @name";

    // What removing a pack's objects and relationships takes, row by row, in the pack's own transaction and before
    // its row goes: each only while the pack's row is there, so that removing a pack that is not there removes nothing.
    private const string WhilePackExists = "EXISTS (SELECT 1 FROM management_packs WHERE name = @name)";

    public const string DeleteClaimsOn = $"DELETE FROM claims WHERE item_id = @id AND {WhilePackExists}";

    public const string DeleteRelationship = $"DELETE FROM relationships WHERE id = @id AND {WhilePackExists}";

    public const string DeleteObject = $"DELETE FROM objects WHERE id = @id AND {WhilePackExists}";

    public const string DeleteMonitorStates = $"DELETE FROM monitor_states WHERE object_id = @id AND {WhilePackExists}";

    public const string DeleteMaintenance = $"DELETE FROM maintenance_windows WHERE object_id = @id AND {WhilePackExists}";

    public const string InsertFeedEvent = $"INSERT INTO change_feed (kind, subject_id, time, payload) SELECT @kind, @id, @time, @payload WHERE {WhilePackExists}";
}
