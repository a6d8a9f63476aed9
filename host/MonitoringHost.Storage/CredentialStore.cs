using System.Data.Common;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Storage.Postgres;
using MonitoringHost.Storage.Sqlite;

namespace MonitoringHost.Storage;

/// <summary>
/// Run As accounts and profile assignments in the operational store's database (tables of <c>0003_run_as.sql</c>),
/// through the instance store's connections. Secrets arrive and leave as the runtime's encrypted envelopes: this
/// class never sees one in the clear. Get one with <see cref="For"/>; it lives as long as its instance store.
/// </summary>
public abstract partial class CredentialStore : CompanionStore, ICredentialStore
{
    private protected CredentialStore(InstanceStore owner, InstanceStoreSql sql)
        : base(owner, sql)
    {
    }

    /// <summary>The credential store in <paramref name="store"/>'s database (its schema already brought up to date).</summary>
    public static CredentialStore For(InstanceStore store) =>
        For<CredentialStore>(store, sqlite => new SqliteCredentialStore(sqlite), postgres => new PostgresCredentialStore(postgres));

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRunAsAccount>> ReadAccountsAsync(CancellationToken cancellationToken) =>
        ReadAsync(CredentialStoreSql.SelectAccounts, _ => { }, ReadAccount, cancellationToken);

    /// <inheritdoc />
    public async Task<StoredRunAsAccount?> ReadAccountAsync(Guid id, CancellationToken cancellationToken) =>
        (await ReadAsync(CredentialStoreSql.SelectAccount, c => Add(c, "@id", IdValue(id)), ReadAccount, cancellationToken).ConfigureAwait(false)) is [var account] ? account : null;

    /// <inheritdoc />
    public Task SaveAccountAsync(StoredRunAsAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return ExecuteAsync(cancellationToken, (CredentialStoreSql.UpsertAccount, c =>
        {
            Add(c, "@id", IdValue(account.Id));
            Add(c, "@name", account.Name);
            Add(c, "@kind", account.Kind);
            Add(c, "@secret", account.Secret.ToArray());
            Add(c, "@modified", Sql.TimeValue(account.Modified));
        }));
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAccountAsync(Guid id, CancellationToken cancellationToken)
    {
        var counts = await ExecuteAsync(
            cancellationToken,
            (CredentialStoreSql.DeleteAccountAssignments, c => Add(c, "@id", IdValue(id))),
            (CredentialStoreSql.DeleteAccount, c => Add(c, "@id", IdValue(id)))).ConfigureAwait(false);
        return counts[1] > 0;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunAsAssignment>> ReadAssignmentsAsync(CancellationToken cancellationToken) =>
        ReadAsync(CredentialStoreSql.SelectAssignments, _ => { }, r => new RunAsAssignment(
            r.GetString(0), (RunAsScope)Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), r.GetString(2), Sql.ReadGuid(r, 3)), cancellationToken);

    /// <inheritdoc />
    public Task SaveAssignmentAsync(RunAsAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return ExecuteAsync(cancellationToken, (CredentialStoreSql.UpsertAssignment, c => BindAssignment(c, assignment)));
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAssignmentAsync(string profile, RunAsScope scope, string scopeValue, CancellationToken cancellationToken)
    {
        var counts = await ExecuteAsync(cancellationToken, (CredentialStoreSql.DeleteAssignment, c =>
        {
            Add(c, "@profile", profile);
            Add(c, "@scope", ScopeValue(scope));
            Add(c, "@scope_value", scopeValue);
        })).ConfigureAwait(false);
        return counts[0] > 0;
    }

    private void BindAssignment(DbCommand command, RunAsAssignment assignment)
    {
        Add(command, "@profile", assignment.Profile);
        Add(command, "@scope", ScopeValue(assignment.Scope));
        Add(command, "@scope_value", assignment.ScopeValue);
        Add(command, "@account_id", IdValue(assignment.AccountId));
    }

    /// <summary>A scope as the dialect's parameter value for the <c>scope</c> column.</summary>
    private protected abstract object ScopeValue(RunAsScope scope);

    private StoredRunAsAccount ReadAccount(DbDataReader reader) =>
        new(Sql.ReadGuid(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), Sql.ReadTime(reader, 4));
}
