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
}

/// <summary>What every module that reaches a computer by name asks <see cref="IAgentlessEndpoints"/>.</summary>
public static class AgentlessEndpointsExtensions
{
    /// <summary>
    /// The address <paramref name="computerName"/> was added with, over whichever protocol it was added for; null
    /// when no computer of that name was added (the name is then resolved as it is).
    /// </summary>
    public static string? AddressOf(this IAgentlessEndpoints endpoints, string computerName)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return AgentlessProtocols.All.FirstOrDefault(p => endpoints.IsManaged(computerName, p)) is { } protocol
            ? endpoints.Resolve(computerName, protocol).Address
            : null;
    }
}
