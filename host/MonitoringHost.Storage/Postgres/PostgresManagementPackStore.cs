namespace MonitoringHost.Storage.Postgres;

/// <summary>The management pack store in the PostgreSQL database: <c>uuid</c> ids, feed writers ordered by a table lock.</summary>
public sealed class PostgresManagementPackStore : ManagementPackStore
{
    internal PostgresManagementPackStore(PostgresInstanceStore store)
        : base(store, PostgresSql.Instance)
    {
    }

    private protected override string? LockFeed => PostgresSql.LockFeed;

    private protected override object IdValue(Guid id) => id;
}
