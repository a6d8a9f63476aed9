using System.Collections.Frozen;

namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// The added computers, in memory, as the endpoints protocol modules connect to: a name a computer was added with
/// (any case) gives its address, port and options; an address one computer of the protocol was added with gives that
/// computer's (packs often pass an IP address property); anything else falls back to
/// <see cref="DefaultAgentlessEndpoints"/>. Reloaded from the store after every change.
/// </summary>
public sealed class ManagedComputerRegistry(IManagedComputerStore store) : IAgentlessEndpoints
{
    private volatile Snapshot _snapshot = new([]);

    public IReadOnlyList<ManagedComputer> Computers => _snapshot.All;

    public ManagedComputer? Find(string name) => _snapshot.ByName.GetValueOrDefault(name);

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        _snapshot = new Snapshot(await store.ReadComputersAsync(cancellationToken).ConfigureAwait(false));

    public AgentlessEndpoint Resolve(string computerName, string protocol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(computerName);
        var snapshot = _snapshot;
        var name = computerName.Trim();
        if (snapshot.ByName.TryGetValue(name, out var named) && named.Protocol == protocol)
        {
            return named.Endpoint;
        }

        return snapshot.ByAddress.TryGetValue((protocol, name.ToUpperInvariant()), out var addressed) && addressed is [var only]
            ? only.Endpoint
            : DefaultAgentlessEndpoints.Instance.Resolve(name, protocol);
    }

    public bool IsManaged(string computerName, string protocol) =>
        computerName is not null && _snapshot.ByName.TryGetValue(computerName.Trim(), out var computer) && computer.Protocol == protocol;

    private sealed class Snapshot(IReadOnlyList<ManagedComputer> computers)
    {
        public IReadOnlyList<ManagedComputer> All { get; } = [.. computers.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];

        public FrozenDictionary<string, ManagedComputer> ByName { get; } =
            computers.ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

        public FrozenDictionary<(string Protocol, string Address), ManagedComputer[]> ByAddress { get; } =
            computers.GroupBy(c => (c.Protocol, c.Address.ToUpperInvariant())).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }
}
