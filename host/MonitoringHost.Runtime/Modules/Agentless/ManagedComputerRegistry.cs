using System.Collections.Immutable;
using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// The added computers, in memory, as the endpoints protocol modules connect to: a name a computer was added with
/// (any case) gives its address, port and options; an address one computer of the protocol was added with gives that
/// computer's (packs often pass an IP address property); anything else falls back to
/// <see cref="DefaultAgentlessEndpoints"/>. Computers are added and removed through it, so the store and the memory
/// change together, one change at a time: an add updates the memory by itself (its cost does not grow with the
/// computers already added), a removal reads the store anew.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim needs disposing only once its AvailableWaitHandle is used, which it never is here.")]
public sealed class ManagedComputerRegistry(IManagedComputerStore store) : IAgentlessEndpoints
{
    private readonly SemaphoreSlim _changes = new(1, 1);
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Every added computer, by name.</summary>
    public IReadOnlyList<ManagedComputer> Computers => [.. _snapshot.ByName.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];

    public ManagedComputer? Find(string name) => _snapshot.ByName.GetValueOrDefault(name);

    /// <summary>Reads the computers from the store.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => ChangeAsync(
        async () => Snapshot.Of(await store.ReadComputersAsync(cancellationToken).ConfigureAwait(false)), cancellationToken);

    /// <summary>Saves <paramref name="computer"/> (replacing one of the same name) with <paramref name="assignment"/> in one transaction, then adds it here.</summary>
    public Task SaveAsync(ManagedComputer computer, RunAsAssignment? assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(computer);
        return ChangeAsync(async () =>
        {
            await store.SaveComputerAsync(computer, assignment, cancellationToken).ConfigureAwait(false);
            return _snapshot.With(computer);
        }, cancellationToken);
    }

    /// <summary>Deletes the computer (and the Run As assignments of its object) from the store, then reads the computers anew.</summary>
    public Task DeleteAsync(ManagedComputer computer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(computer);
        return ChangeAsync(async () =>
        {
            await store.DeleteComputerAsync(computer.Name, computer.ObjectId, cancellationToken).ConfigureAwait(false);
            return Snapshot.Of(await store.ReadComputersAsync(CancellationToken.None).ConfigureAwait(false));
        }, cancellationToken);
    }

    public AgentlessEndpoint Resolve(string computerName, string protocol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(computerName);
        var snapshot = _snapshot;
        var name = computerName.Trim();
        if (snapshot.ByName.TryGetValue(name, out var named) && named.Protocol == protocol)
        {
            return named.Endpoint;
        }

        return snapshot.ByAddress.TryGetValue((protocol, name.ToUpperInvariant()), out var addressed) && addressed.Count == 1
            ? addressed[0].Endpoint
            : DefaultAgentlessEndpoints.Instance.Resolve(name, protocol);
    }

    public string? AddressOf(string computerName)
    {
        var name = computerName?.Trim();
        return name is not null && _snapshot.ByName.GetValueOrDefault(name) is { } computer && !string.Equals(computer.Address, name, StringComparison.OrdinalIgnoreCase)
            ? computer.Address
            : null;
    }

    public bool IsManaged(string computerName, string protocol) =>
        computerName is not null && _snapshot.ByName.TryGetValue(computerName.Trim(), out var computer) && computer.Protocol == protocol;

    private async Task ChangeAsync(Func<Task<Snapshot>> change, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _snapshot = await change().ConfigureAwait(false);
        }
        finally
        {
            _changes.Release();
        }
    }

    private sealed record Snapshot(
        ImmutableDictionary<string, ManagedComputer> ByName,
        ImmutableDictionary<(string Protocol, string Address), ImmutableList<ManagedComputer>> ByAddress)
    {
        public static readonly Snapshot Empty = new(
            ImmutableDictionary.Create<string, ManagedComputer>(StringComparer.OrdinalIgnoreCase),
            ImmutableDictionary<(string Protocol, string Address), ImmutableList<ManagedComputer>>.Empty);

        public static Snapshot Of(IEnumerable<ManagedComputer> computers) => computers.Aggregate(Empty, (snapshot, computer) => snapshot.With(computer));

        /// <summary>This with <paramref name="computer"/> added, or replacing the one of its name.</summary>
        public Snapshot With(ManagedComputer computer)
        {
            var byAddress = ByAddress;
            if (ByName.TryGetValue(computer.Name, out var replaced))
            {
                var key = AddressKey(replaced);
                var left = byAddress[key].Remove(replaced);
                byAddress = left.IsEmpty ? byAddress.Remove(key) : byAddress.SetItem(key, left);
            }

            var added = AddressKey(computer);
            byAddress = byAddress.SetItem(added, byAddress.GetValueOrDefault(added, []).Add(computer));
            return new Snapshot(ByName.Remove(computer.Name).Add(computer.Name, computer), byAddress);
        }

        private static (string, string) AddressKey(ManagedComputer computer) => (computer.Protocol, computer.Address.ToUpperInvariant());
    }
}
