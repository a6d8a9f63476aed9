namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>Finds where to reach a computer (by the name a module's configuration gives) over a protocol.</summary>
public interface IAgentlessEndpoints
{
    /// <summary>
    /// The endpoint for <paramref name="computerName"/> over <paramref name="protocol"/>: the port and options the
    /// computer was added with, or the protocol's defaults for a computer nobody added (a name a pack computed).
    /// </summary>
    AgentlessEndpoint Resolve(string computerName, string protocol);

    /// <summary>Whether <paramref name="computerName"/> was added to be managed over <paramref name="protocol"/> (its availability is checked).</summary>
    bool IsManaged(string computerName, string protocol);

    /// <summary>
    /// Where a module that reaches <paramref name="computerName"/> by name (HTTP, TCP) connects instead: the address a
    /// computer of that name was added with, over whichever protocol; null when none was added, or when it was added
    /// with its name as the address (the name is then resolved as it is).
    /// </summary>
    string? AddressOf(string computerName) =>
        AgentlessProtocols.All.FirstOrDefault(p => IsManaged(computerName, p)) is { } protocol
        && Resolve(computerName, protocol).Address is var address
        && !string.Equals(address, computerName.Trim(), StringComparison.OrdinalIgnoreCase)
            ? address
            : null;
}
