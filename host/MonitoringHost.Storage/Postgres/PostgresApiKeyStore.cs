using System.Data.Common;
using Npgsql;

namespace MonitoringHost.Storage.Postgres;

/// <summary>The API key store in the PostgreSQL database: <c>uuid</c> ids, <c>bytea</c> hashes.</summary>
public sealed class PostgresApiKeyStore : ApiKeyStore
{
    private const string UniqueViolation = "23505";

    internal PostgresApiKeyStore(PostgresInstanceStore store)
        : base(store, PostgresSql.Instance)
    {
    }

    private protected override object IdValue(Guid id) => id;

    private protected override bool IsNameTaken(DbException exception) =>
        exception is PostgresException { SqlState: UniqueViolation, ConstraintName: "api_keys_active_name" };
}
