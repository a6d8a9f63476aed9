using System.Collections.Frozen;
using System.Globalization;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Runtime.Credentials;

/// <summary>
/// Resolves a Run As profile for an object from a snapshot of the accounts (still encrypted) and assignments: an
/// object assignment beats a group assignment (the object a member of the group through containment, recursively),
/// which beats a class assignment (the object of the class or a derived one, the most derived class winning), as
/// overrides do. Between equals (two groups, say) the lowest scope value wins, so the outcome is at least stable.
/// When none of these applies, an object assignment on a host of the object applies, the nearest host first: an
/// account given to a computer (<c>mh computer add --runas</c>) serves the applications hosted on it too, as an
/// account associated with a computer serves every workflow run for it.
/// Secrets are decrypted only in <see cref="Decrypt"/>, when a module asks during a run.
/// </summary>
public sealed class RunAsResolver
{
    private readonly CredentialVault _vault;
    private readonly InstanceSpace _space;
    private volatile Snapshot _snapshot;

    internal RunAsResolver(CredentialVault vault, InstanceSpace space, IReadOnlyList<StoredRunAsAccount> accounts, IReadOnlyList<RunAsAssignment> assignments)
    {
        _vault = vault;
        _space = space;
        _snapshot = new Snapshot(accounts, assignments);
    }

    private ClassCatalog Classes => _space.Classes;

    /// <summary>Reads accounts and assignments anew; instances created afterwards see the change.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var accounts = await _vault.Store.ReadAccountsAsync(cancellationToken).ConfigureAwait(false);
        var assignments = await _vault.Store.ReadAssignmentsAsync(cancellationToken).ConfigureAwait(false);
        _snapshot = new Snapshot(accounts, assignments);
    }

    /// <summary>The account <paramref name="profile"/> (<c>Pack!SecureReference</c>) resolves to for <paramref name="target"/>.</summary>
    /// <exception cref="RunAsResolutionException">The profile is not declared by an imported pack, or no account is assigned for the object.</exception>
    public RunAsBinding Resolve(string profile, MonitoringObject target)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(target);
        if (!IsDeclared(profile))
        {
            throw new RunAsResolutionException(profile, target.Path, "no imported pack declares it (a SecureReference)");
        }

        var snapshot = _snapshot;
        var candidates = snapshot.Assignments.GetValueOrDefault(profile) ?? [];
        var best = Best(candidates, target)
            ?? OnHost(candidates, target)
            ?? throw new RunAsResolutionException(profile, target.Path, "no Run As account is assigned to it for this object, a group it is in, its class or a computer hosting it");
        if (!snapshot.Accounts.TryGetValue(best.AccountId, out var account))
        {
            throw new RunAsResolutionException(profile, target.Path, $"its {best.Scope.ToString().ToLowerInvariant()} assignment ({best.ScopeValue}) names Run As account {best.AccountId:D}, which does not exist");
        }

        if (!Enum.TryParse<RunAsAccountKind>(account.Kind, out var kind))
        {
            throw new RunAsResolutionException(profile, target.Path, $"Run As account {account.Name} has kind '{account.Kind}', which this host does not know");
        }

        return new RunAsBinding(profile, account.Id, account.Name, kind, best.Scope, best.ScopeValue);
    }

    /// <summary>Decrypts the secret of the account <paramref name="binding"/> names, as it is now.</summary>
    internal RunAsCredential Decrypt(RunAsBinding binding, string targetPath)
    {
        if (!_snapshot.Accounts.TryGetValue(binding.AccountId, out var account))
        {
            throw new RunAsResolutionException(binding.Profile, targetPath, $"Run As account {binding.AccountName} ({binding.AccountId:D}) has been deleted");
        }

        return CredentialCipher.Decrypt(_vault.Key, account.Id, Enum.Parse<RunAsAccountKind>(account.Kind), account.Secret.Span);
    }

    private bool IsDeclared(string profile)
    {
        var separator = profile.IndexOf('!', StringComparison.Ordinal);
        return separator > 0
            && Classes.Packs[profile[..separator]] is { } pack
            && pack.ElementsById.TryGetValue(profile[(separator + 1)..], out var element)
            && element is SecureReference;
    }

    private RunAsAssignment? Best(RunAsAssignment[] candidates, MonitoringObject target)
    {
        var type = Classes.Class(target.ClassName);
        var chain = type?.SelfAndBases().Select((c, depth) => (c.Name, depth)).ToDictionary(p => p.Name, p => p.depth, StringComparer.Ordinal) ?? [];
        RunAsAssignment? best = null;
        var bestRank = (Scope: -1, Closeness: int.MinValue);
        foreach (var candidate in candidates.OrderBy(c => c.ScopeValue, StringComparer.Ordinal))
        {
            int? closeness = candidate.Scope switch
            {
                RunAsScope.Object => IsObject(candidate.ScopeValue, target.Id) ? 0 : null,
                RunAsScope.Group => Guid.TryParse(candidate.ScopeValue, CultureInfo.InvariantCulture, out var group) && _space.Contains(group, target.Id) ? 0 : null,
                _ => Classes.Class(candidate.ScopeValue) is { } c && chain.TryGetValue(c.Name, out var depth) ? -depth : null,
            };
            if (closeness is { } value && ((int)candidate.Scope, value).CompareTo(bestRank) > 0)
            {
                best = candidate;
                bestRank = ((int)candidate.Scope, value);
            }
        }

        return best;
    }

    /// <summary>The object assignment on the nearest host of <paramref name="target"/> that has one.</summary>
    private RunAsAssignment? OnHost(RunAsAssignment[] candidates, MonitoringObject target)
    {
        var objects = candidates.Where(c => c.Scope == RunAsScope.Object).OrderBy(c => c.ScopeValue, StringComparer.Ordinal).ToArray();
        var seen = new HashSet<Guid> { target.Id };
        for (var host = target.HostId is { } first ? _space.Get(first) : null; host is not null && seen.Add(host.Id); host = host.HostId is { } next ? _space.Get(next) : null)
        {
            if (objects.FirstOrDefault(c => IsObject(c.ScopeValue, host.Id)) is { } assigned)
            {
                return assigned;
            }
        }

        return null;
    }

    private static bool IsObject(string scopeValue, Guid id) => Guid.TryParse(scopeValue, CultureInfo.InvariantCulture, out var value) && value == id;

    private sealed class Snapshot(IReadOnlyList<StoredRunAsAccount> accounts, IReadOnlyList<RunAsAssignment> assignments)
    {
        public FrozenDictionary<Guid, StoredRunAsAccount> Accounts { get; } = accounts.ToFrozenDictionary(a => a.Id);

        public FrozenDictionary<string, RunAsAssignment[]> Assignments { get; } =
            assignments.GroupBy(a => a.Profile, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }
}
