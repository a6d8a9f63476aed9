using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Tests.Modules.Agentless;

/// <summary>Added computers kept in memory, for a <see cref="ManagedComputerRegistry"/> without a database.</summary>
internal sealed class MemoryComputerStore : IManagedComputerStore
{
    private readonly List<ManagedComputer> _computers = [];

    public Task<IReadOnlyList<ManagedComputer>> ReadComputersAsync(CancellationToken cancellationToken)
    {
        lock (_computers)
        {
            return Task.FromResult<IReadOnlyList<ManagedComputer>>([.. _computers]);
        }
    }

    public Task SaveComputerAsync(ManagedComputer computer, RunAsAssignment? assignment, CancellationToken cancellationToken)
    {
        lock (_computers)
        {
            _computers.RemoveAll(c => string.Equals(c.Name, computer.Name, StringComparison.OrdinalIgnoreCase));
            _computers.Add(computer);
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteComputerAsync(string name, Guid objectId, CancellationToken cancellationToken)
    {
        lock (_computers)
        {
            return Task.FromResult(_computers.RemoveAll(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) > 0);
        }
    }
}
