using System.Data.Common;
using System.Globalization;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Storage;

/// <summary>
/// The agentless-managed computers (<c>0009_managed_computers.sql</c>). They live with the Run As tables because a
/// computer is saved together with its account's object assignment, and deleted together with its object's
/// assignments, each in one transaction.
/// </summary>
public abstract partial class CredentialStore : IManagedComputerStore
{
    private const int HttpsOption = 1;
    private const int TrustOnFirstUseOption = 2;
    private const int SkipCertificateCheckOption = 4;

    /// <inheritdoc />
    public Task<IReadOnlyList<ManagedComputer>> ReadComputersAsync(CancellationToken cancellationToken) =>
        ReadAsync(CredentialStoreSql.SelectComputers, _ => { }, ReadComputer, cancellationToken);

    /// <inheritdoc />
    public Task SaveComputerAsync(ManagedComputer computer, RunAsAssignment? assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(computer);
        var options = (computer.UseHttps ? HttpsOption : 0) | (computer.TrustOnFirstUse ? TrustOnFirstUseOption : 0) | (computer.SkipCertificateCheck ? SkipCertificateCheckOption : 0);
        (string, Action<DbCommand>) save = (CredentialStoreSql.UpsertComputer, c =>
        {
            Add(c, "@name_key", computer.Name.ToUpperInvariant());
            Add(c, "@name", computer.Name);
            Add(c, "@protocol", computer.Protocol);
            Add(c, "@address", computer.Address);
            Add(c, "@port", computer.Port);
            Add(c, "@options", options);
            Add(c, "@class_name", computer.ClassName);
            Add(c, "@object_id", IdValue(computer.ObjectId));
            Add(c, "@run_as_account_id", computer.RunAsAccountId is { } account ? IdValue(account) : null);
            Add(c, "@added", Sql.TimeValue(computer.Added));
            Add(c, "@added_by", computer.AddedBy);
        });
        return assignment is null
            ? ExecuteAsync(cancellationToken, save)
            : ExecuteAsync(cancellationToken, save, (CredentialStoreSql.UpsertAssignment, c => BindAssignment(c, assignment)));
    }

    /// <inheritdoc />
    public async Task<bool> DeleteComputerAsync(string name, Guid objectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var counts = await ExecuteAsync(
            cancellationToken,
            (CredentialStoreSql.DeleteObjectAssignments, c =>
            {
                Add(c, "@scope", ScopeValue(RunAsScope.Object));
                Add(c, "@scope_value", objectId.ToString("D"));
            }),
            (CredentialStoreSql.DeleteComputer, c => Add(c, "@name_key", name.ToUpperInvariant()))).ConfigureAwait(false);
        return counts[1] > 0;
    }

    private ManagedComputer ReadComputer(DbDataReader reader)
    {
        var options = Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture);
        return new ManagedComputer(reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture), reader.GetString(5), Sql.ReadGuid(reader, 6))
        {
            UseHttps = (options & HttpsOption) != 0,
            TrustOnFirstUse = (options & TrustOnFirstUseOption) != 0,
            SkipCertificateCheck = (options & SkipCertificateCheckOption) != 0,
            RunAsAccountId = reader.IsDBNull(7) ? null : Sql.ReadGuid(reader, 7),
            Added = Sql.ReadTime(reader, 8),
            AddedBy = reader.GetString(9),
        };
    }
}
