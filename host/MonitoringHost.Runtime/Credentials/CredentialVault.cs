using System.Globalization;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Runtime.Credentials;

/// <summary>
/// Run As accounts and profile assignments over a credential store: encrypts each secret under the host's key
/// before it reaches the store and decrypts it on the way back. The store never sees a secret in the clear.
/// </summary>
public sealed class CredentialVault(ICredentialStore store, CredentialKey key, TimeProvider time)
{
    internal ICredentialStore Store { get; } = store ?? throw new ArgumentNullException(nameof(store));

    internal CredentialKey Key { get; } = key ?? throw new ArgumentNullException(nameof(key));

    private TimeProvider Time { get; } = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>Adds the account or replaces the one with its id (a new secret, a new name or a new kind).</summary>
    public Task SaveAccountAsync(RunAsAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var secret = CredentialCipher.Encrypt(Key, account.Id, account.Credential);
        return Store.SaveAccountAsync(new StoredRunAsAccount(account.Id, account.Name, account.Kind.ToString(), secret, Time.GetUtcNow()), cancellationToken);
    }

    /// <summary>The account with its secret decrypted, or null when there is none with that id.</summary>
    public async Task<RunAsAccount?> ReadAccountAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Store.ReadAccountAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        if (!Enum.TryParse<RunAsAccountKind>(stored.Kind, out var kind))
        {
            throw new CredentialDecryptionException(id, $"the stored kind '{stored.Kind}' is not one this host knows");
        }

        return new RunAsAccount(stored.Id, stored.Name, CredentialCipher.Decrypt(Key, stored.Id, kind, stored.Secret.Span));
    }

    /// <summary>Removes the account and its assignments; false when there was none.</summary>
    public Task<bool> DeleteAccountAsync(Guid id, CancellationToken cancellationToken) => Store.DeleteAccountAsync(id, cancellationToken);

    /// <summary>Maps a profile to an account for a class, a group or an object; the account must exist.</summary>
    public async Task AssignAsync(RunAsAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (!assignment.Profile.Contains('!', StringComparison.Ordinal))
        {
            throw new ArgumentException($"the profile '{assignment.Profile}' is not Pack!SecureReference", nameof(assignment));
        }

        if (assignment.Scope != RunAsScope.Class && !Guid.TryParse(assignment.ScopeValue, CultureInfo.InvariantCulture, out _))
        {
            throw new ArgumentException($"a {assignment.Scope.ToString().ToLowerInvariant()} assignment names its {assignment.Scope.ToString().ToLowerInvariant()} by id; '{assignment.ScopeValue}' is not a GUID", nameof(assignment));
        }

        if (await Store.ReadAccountAsync(assignment.AccountId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new ArgumentException($"Run As account {assignment.AccountId:D} does not exist", nameof(assignment));
        }

        await Store.SaveAssignmentAsync(assignment, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes an assignment; false when there was none.</summary>
    public Task<bool> UnassignAsync(string profile, RunAsScope scope, string scopeValue, CancellationToken cancellationToken) =>
        Store.DeleteAssignmentAsync(profile, scope, scopeValue, cancellationToken);

    /// <summary>A resolver over what the store holds now, for the workflow host (<see cref="Modules.RuntimeServices.RunAs"/>).</summary>
    public async Task<RunAsResolver> CreateResolverAsync(InstanceSpace space, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        var accounts = await Store.ReadAccountsAsync(cancellationToken).ConfigureAwait(false);
        var assignments = await Store.ReadAssignmentsAsync(cancellationToken).ConfigureAwait(false);
        return new RunAsResolver(this, space, accounts, assignments);
    }

    public override string ToString() => $"Run As vault ({Key})";
}
