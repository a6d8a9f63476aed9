using System.Collections.Frozen;
using System.Collections.Immutable;
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
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim needs disposing only once its AvailableWaitHandle is used, which it never is here.")]
public sealed class RunAsResolver
{
    private readonly CredentialVault _vault;
    private readonly InstanceSpace _space;
    private readonly SemaphoreSlim _changes = new(1, 1);
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
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var accounts = await _vault.Store.ReadAccountsAsync(cancellationToken).ConfigureAwait(false);
            var assignments = await _vault.Store.ReadAssignmentsAsync(cancellationToken).ConfigureAwait(false);
            _snapshot = new Snapshot(accounts, assignments);
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>
    /// Adds one assignment the store has just saved (replacing the one with its profile, scope and scope value), without
    /// reading the store: what adding a computer with an account does, at a cost that does not grow with the computers.
    /// </summary>
    public async Task AddAsync(RunAsAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _snapshot = _snapshot.With(assignment);
        }
        finally
        {
            _changes.Release();
        }
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
        var assigned = snapshot.Assignments.GetValueOrDefault(profile) ?? ProfileAssignments.None;
        var best = assigned.Objects.GetValueOrDefault(target.Id)
            ?? Best(assigned.GroupsAndClasses, target)
            ?? OnHost(assigned.Objects, target)
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

    /// <summary>The group or class assignment (in scope value order) that applies to <paramref name="target"/> best.</summary>
    private RunAsAssignment? Best(RunAsAssignment[] candidates, MonitoringObject target)
    {
        if (candidates.Length == 0)
        {
            return null;
        }

        var type = Classes.Class(target.ClassName);
        var chain = type?.SelfAndBases().Select((c, depth) => (c.Name, depth)).ToDictionary(p => p.Name, p => p.depth, StringComparer.Ordinal) ?? [];
        RunAsAssignment? best = null;
        var bestRank = (Scope: -1, Closeness: int.MinValue);
        foreach (var candidate in candidates)
        {
            int? closeness = candidate.Scope switch
            {
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
    private RunAsAssignment? OnHost(ImmutableDictionary<Guid, RunAsAssignment> objects, MonitoringObject target)
    {
        if (objects.Count == 0)
        {
            return null;
        }

        var seen = new HashSet<Guid> { target.Id };
        for (var host = target.HostId is { } first ? _space.Get(first) : null; host is not null && seen.Add(host.Id); host = host.HostId is { } next ? _space.Get(next) : null)
        {
            if (objects.GetValueOrDefault(host.Id) is { } assigned)
            {
                return assigned;
            }
        }

        return null;
    }

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<StoredRunAsAccount> accounts, IReadOnlyList<RunAsAssignment> assignments)
        {
            Accounts = accounts.ToFrozenDictionary(a => a.Id);
            Assignments = assignments.GroupBy(a => a.Profile, StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => new ProfileAssignments(g), StringComparer.Ordinal);
        }

        private Snapshot(FrozenDictionary<Guid, StoredRunAsAccount> accounts, ImmutableDictionary<string, ProfileAssignments> assignments)
        {
            Accounts = accounts;
            Assignments = assignments;
        }

        public FrozenDictionary<Guid, StoredRunAsAccount> Accounts { get; }

        public ImmutableDictionary<string, ProfileAssignments> Assignments { get; }

        public Snapshot With(RunAsAssignment assignment) => new(
            Accounts,
            Assignments.SetItem(assignment.Profile, Assignments.GetValueOrDefault(assignment.Profile, ProfileAssignments.None).With(assignment)));
    }

    /// <summary>
    /// The assignments of one profile, indexed so that resolving costs the same with one computer or ten thousand:
    /// object assignments by their object (the lowest scope value of one object wins), the others in scope value order.
    /// </summary>
    private sealed class ProfileAssignments
    {
        public static readonly ProfileAssignments None = new([]);

        public ProfileAssignments(IEnumerable<RunAsAssignment> assignments)
        {
            var ordered = assignments.OrderBy(a => a.ScopeValue, StringComparer.Ordinal).ToList();
            var objects = ImmutableDictionary.CreateBuilder<Guid, RunAsAssignment>();
            foreach (var assignment in ordered.Where(a => a.Scope == RunAsScope.Object))
            {
                if (Guid.TryParse(assignment.ScopeValue, CultureInfo.InvariantCulture, out var id))
                {
                    objects.TryAdd(id, assignment);
                }
            }

            Objects = objects.ToImmutable();
            GroupsAndClasses = [.. ordered.Where(a => a.Scope != RunAsScope.Object)];
        }

        private ProfileAssignments(ImmutableDictionary<Guid, RunAsAssignment> objects, RunAsAssignment[] groupsAndClasses)
        {
            Objects = objects;
            GroupsAndClasses = groupsAndClasses;
        }

        public ImmutableDictionary<Guid, RunAsAssignment> Objects { get; }

        public RunAsAssignment[] GroupsAndClasses { get; }

        /// <summary>These with <paramref name="assignment"/>, replacing the one with its scope and scope value.</summary>
        public ProfileAssignments With(RunAsAssignment assignment)
        {
            if (assignment.Scope != RunAsScope.Object)
            {
                return new(Objects, [.. GroupsAndClasses.Where(a => !SameScope(a, assignment)).Append(assignment).OrderBy(a => a.ScopeValue, StringComparer.Ordinal)]);
            }

            if (!Guid.TryParse(assignment.ScopeValue, CultureInfo.InvariantCulture, out var id))
            {
                return this;
            }

            // Of several assignments of one object, the lowest scope value wins; the same scope value is a replacement.
            return Objects.TryGetValue(id, out var current) && string.CompareOrdinal(current.ScopeValue, assignment.ScopeValue) < 0
                ? this
                : new(Objects.SetItem(id, assignment), GroupsAndClasses);
        }

        private static bool SameScope(RunAsAssignment a, RunAsAssignment b) => a.Scope == b.Scope && a.ScopeValue == b.ScopeValue;
    }
}
