using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Storage.Postgres;

/// <summary>The credential store in the PostgreSQL database: <c>uuid</c> ids, <c>bytea</c> envelopes, <c>scope</c> a smallint.</summary>
public sealed class PostgresCredentialStore : CredentialStore
{
    internal PostgresCredentialStore(PostgresInstanceStore store)
        : base(store, PostgresSql.Instance)
    {
    }

    private protected override object IdValue(Guid id) => id;

    // Npgsql sends the parameter's own type: a short matches the smallint column without a cast.
    private protected override object ScopeValue(RunAsScope scope) => (short)scope;
}
