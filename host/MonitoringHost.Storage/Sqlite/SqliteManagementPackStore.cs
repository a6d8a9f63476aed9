namespace MonitoringHost.Storage.Sqlite;

/// <summary>The management pack store in the SQLite file: ids as 16-byte BLOBs; one writer at a time orders the feed.</summary>
public sealed class SqliteManagementPackStore : ManagementPackStore
{
    internal SqliteManagementPackStore(SqliteInstanceStore store)
        : base(store, SqliteSql.Instance)
    {
    }

    private protected override string? LockFeed => null;

    private protected override object IdValue(Guid id) => id.ToByteArray();
}
