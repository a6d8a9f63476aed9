using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>Where the added computers are kept (the operational store's <c>managed_computers</c> table).</summary>
public interface IManagedComputerStore
{
    Task<IReadOnlyList<ManagedComputer>> ReadComputersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="computer"/> (replacing one of the same name, whatever its case) and, in the same
    /// transaction, <paramref name="assignment"/> when given.
    /// </summary>
    Task SaveComputerAsync(ManagedComputer computer, RunAsAssignment? assignment, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the computer named <paramref name="name"/> and, in the same transaction, every Run As assignment made
    /// for its object; false when there was none.
    /// </summary>
    Task<bool> DeleteComputerAsync(string name, Guid objectId, CancellationToken cancellationToken);
}
