using MonitoringHost.Probes.Tcp;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary>
/// The TCP port check's configuration: <c>ServerName</c> and <c>Port</c>, as the library pack defines it. The pack
/// gives no timeout, so the check uses <see cref="TcpPortCheck.DefaultTimeout"/>.
/// </summary>
public sealed record TcpPortCheckProbeConfiguration(string ServerName, int Port)
{
    public TimeSpan Timeout { get; init; } = TcpPortCheck.DefaultTimeout;

    public static TcpPortCheckProbeConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var serverName = configuration.Required("ServerName");
        var port = configuration.RequiredInteger("Port");
        return port is < 1 or > 65535
            ? throw configuration.Problem("Port", $"{port} is not a TCP port (1 to 65535)")
            : new TcpPortCheckProbeConfiguration(serverName, (int)port);
    }
}
