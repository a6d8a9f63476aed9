namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>The availability check's configuration: <c>ComputerName</c>, <c>Protocol</c> (wsman, ssh or snmp) and <c>TimeoutSeconds</c>.</summary>
public sealed record ComputerAccessProbeConfiguration(string ComputerName, string Protocol, TimeSpan Timeout)
{
    public static ComputerAccessProbeConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration.Required("ComputerName");
        var protocol = configuration.Required("Protocol");
        if (!AgentlessProtocols.IsKnown(protocol))
        {
            throw configuration.Problem("Protocol", $"'{protocol}' is not an agentless protocol (wsman, ssh or snmp)");
        }

        var seconds = configuration.RequiredInteger("TimeoutSeconds");
        return seconds is < 1 or > 300
            ? throw configuration.Problem("TimeoutSeconds", $"{seconds} is not between 1 and 300 seconds")
            : new ComputerAccessProbeConfiguration(name, protocol, TimeSpan.FromSeconds(seconds));
    }
}
