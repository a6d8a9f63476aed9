using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>The credential store in the SQLite file: ids as 16-byte BLOBs, <c>scope</c> an INTEGER of a STRICT table.</summary>
public sealed class SqliteCredentialStore : CredentialStore
{
    internal SqliteCredentialStore(SqliteInstanceStore store)
        : base(store, SqliteSql.Instance)
    {
    }

    // Microsoft.Data.Sqlite binds a Guid as TEXT; the STRICT BLOB column takes the 16 bytes (.NET order), as objects.id does.
    private protected override object IdValue(Guid id) => id.ToByteArray();

    private protected override object ScopeValue(RunAsScope scope) => (long)scope;
}
