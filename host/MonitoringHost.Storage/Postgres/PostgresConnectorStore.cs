using System.Data.Common;
using Npgsql;

namespace MonitoringHost.Storage.Postgres;

/// <summary>The connector store in the PostgreSQL database: <c>uuid</c> ids.</summary>
public sealed class PostgresConnectorStore : ConnectorStore
{
    private const string UniqueViolation = "23505";

    internal PostgresConnectorStore(PostgresInstanceStore store)
        : base(store, PostgresSql.Instance)
    {
    }

    private protected override object IdValue(Guid id) => id;

    private protected override bool IsNameTaken(DbException exception) =>
        exception is PostgresException { SqlState: UniqueViolation, ConstraintName: "connectors_name" };
}
