namespace MonitoringHost.Storage;

/// <summary>
/// The SQL of the connector store; both dialects accept it as written (named parameters, <c>ON CONFLICT</c>,
/// <c>RETURNING</c>). Ids, booleans and times differ by column type (<c>0007_connectors.sql</c>) and by the dialect's values.
/// </summary>
internal static class ConnectorStoreSql
{
    /// <summary>Every column, in <see cref="StoredConnector"/>'s order.</summary>
    public const string Columns = "id, name, display_name, description, owns_discovery_data, enabled, created, created_by, modified";

    /// <summary>A new connector, enabled; nothing when the id is there already (the update after it then describes it).</summary>
    public const string Insert =
        """
        INSERT INTO connectors (id, name, display_name, description, owns_discovery_data, enabled, created, created_by, modified)
        VALUES (@id, @name, @display_name, @description, @owns_discovery_data, @enabled, @now, @by, @now)
        ON CONFLICT (id) DO NOTHING
        """;

    public const string Describe =
        """
        UPDATE connectors SET name = @name, display_name = @display_name, description = @description,
            owns_discovery_data = @owns_discovery_data, modified = @now
        WHERE id = @id
        """;

    public const string SelectAll = $"SELECT {Columns} FROM connectors ORDER BY name";

    public const string SelectOne = $"SELECT {Columns} FROM connectors WHERE id = @id";

    public const string SetEnabled = $"UPDATE connectors SET enabled = @enabled, modified = @now WHERE id = @id RETURNING {Columns}";

    public const string Delete = "DELETE FROM connectors WHERE id = @id";
}
