namespace MonitoringHost.Discovery.Storage;

/// <summary>
/// Where Run As accounts and their profile assignments live (SQLite or PostgreSQL). The store only ever sees an
/// account's secret as an opaque encrypted envelope: encryption and decryption happen in the runtime, which holds the
/// key. Declared here rather than beside the runtime so that the storage project implements it without referencing
/// the runtime (storage depends on discovery only).
/// </summary>
public interface ICredentialStore
{
    /// <summary>Every account, with its encrypted secret.</summary>
    Task<IReadOnlyList<StoredRunAsAccount>> ReadAccountsAsync(CancellationToken cancellationToken);

    /// <summary>One account, or null when there is none with that id.</summary>
    Task<StoredRunAsAccount?> ReadAccountAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Adds the account or replaces the one with its id.</summary>
    Task SaveAccountAsync(StoredRunAsAccount account, CancellationToken cancellationToken);

    /// <summary>Removes the account and every assignment of it; false when there was none.</summary>
    Task<bool> DeleteAccountAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Every profile assignment.</summary>
    Task<IReadOnlyList<RunAsAssignment>> ReadAssignmentsAsync(CancellationToken cancellationToken);

    /// <summary>Adds the assignment or replaces the one for its (profile, scope, scope value).</summary>
    Task SaveAssignmentAsync(RunAsAssignment assignment, CancellationToken cancellationToken);

    /// <summary>Removes the assignment for (profile, scope, scope value); false when there was none.</summary>
    Task<bool> DeleteAssignmentAsync(string profile, RunAsScope scope, string scopeValue, CancellationToken cancellationToken);
}
