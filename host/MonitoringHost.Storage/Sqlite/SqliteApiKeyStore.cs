using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>The API key store in the SQLite file: ids as 16-byte BLOBs.</summary>
public sealed class SqliteApiKeyStore : ApiKeyStore
{
    private const int UniqueConstraintFailed = 2067;

    internal SqliteApiKeyStore(SqliteInstanceStore store)
        : base(store, SqliteSql.Instance)
    {
    }

    // Microsoft.Data.Sqlite binds a Guid as TEXT; the STRICT BLOB column takes the 16 bytes (.NET order), as objects.id does.
    private protected override object IdValue(Guid id) => id.ToByteArray();

    private protected override bool IsNameTaken(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueConstraintFailed } e && e.Message.Contains("api_keys.name", StringComparison.Ordinal);
}
