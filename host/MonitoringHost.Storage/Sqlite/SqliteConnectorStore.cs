using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>The connector store in the SQLite file: ids as 16-byte BLOBs.</summary>
public sealed class SqliteConnectorStore : ConnectorStore
{
    private const int UniqueConstraintFailed = 2067;

    internal SqliteConnectorStore(SqliteInstanceStore store)
        : base(store, SqliteSql.Instance)
    {
    }

    private protected override object IdValue(Guid id) => id.ToByteArray();

    private protected override bool IsNameTaken(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueConstraintFailed } e && e.Message.Contains("connectors.name", StringComparison.Ordinal);
}
