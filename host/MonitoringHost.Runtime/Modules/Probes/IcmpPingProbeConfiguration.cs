namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary>
/// The ping's configuration: <c>ServerName</c>, <c>EchoCount</c> (1 to 100, default 4) and
/// <c>TimeoutMilliseconds</c> per echo (1 to 60000, default 1000). An empty element, as a composite passes an
/// optional value it was not given, means the default.
/// </summary>
public sealed record IcmpPingProbeConfiguration(string ServerName, int EchoCount, TimeSpan Timeout)
{
    public static IcmpPingProbeConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var serverName = configuration.Required("ServerName");
        var echoes = configuration.OptionalInteger("EchoCount") ?? 4;
        if (echoes is < 1 or > 100)
        {
            throw configuration.Problem("EchoCount", $"{echoes} is not between 1 and 100");
        }

        var timeout = configuration.OptionalInteger("TimeoutMilliseconds") ?? 1000;
        if (timeout is < 1 or > 60_000)
        {
            throw configuration.Problem("TimeoutMilliseconds", $"{timeout} is not between 1 and 60000");
        }

        return new IcmpPingProbeConfiguration(serverName, (int)echoes, TimeSpan.FromMilliseconds(timeout));
    }
}
