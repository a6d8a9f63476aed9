namespace MonitoringHost.Storage;

/// <summary>
/// The SQL of the API key store; both dialects accept it as written (named parameters, <c>RETURNING</c>). Ids and
/// times differ by column type (<c>0005_api_keys.sql</c>) and by <see cref="InstanceStoreSql"/>'s value conversions.
/// </summary>
internal static class ApiKeyStoreSql
{
    /// <summary>Everything a listing shows, in <see cref="ApiKey"/>'s order; never key_hash.</summary>
    public const string Columns = "id, name, role, connector_id, prefix, created, created_by, last_used, revoked";

    public const string Insert =
        """
        INSERT INTO api_keys (id, name, role, connector_id, key_hash, prefix, created, created_by)
        VALUES (@id, @name, @role, @connector_id, @key_hash, @prefix, @created, @created_by)
        """;

    public const string SelectAll = $"SELECT {Columns} FROM api_keys ORDER BY name, created, id";

    /// <summary>The valid keys a presented key may be; its hash decides which, if any.</summary>
    public const string SelectByPrefix = $"SELECT {Columns}, key_hash FROM api_keys WHERE prefix = @prefix AND revoked IS NULL";

    /// <summary>Writes last_used unless another request (of any process) did within the interval.</summary>
    public const string TouchLastUsed =
        "UPDATE api_keys SET last_used = @now WHERE id = @id AND revoked IS NULL AND (last_used IS NULL OR last_used <= @stale)";

    public const string RevokeById = $"UPDATE api_keys SET revoked = @now WHERE id = @id AND revoked IS NULL RETURNING {Columns}";

    public const string RevokeByName = $"UPDATE api_keys SET revoked = @now WHERE name = @name AND revoked IS NULL RETURNING {Columns}";

    public const string Count = "SELECT count(*) FROM api_keys WHERE revoked IS NULL";

    public const string CountByRole = "SELECT count(*) FROM api_keys WHERE revoked IS NULL AND role = @role";
}
