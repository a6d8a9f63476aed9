using MonitoringHost.Probes.WsMan;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// Reads one service (ComputerName, ServiceName) with a WS-Transfer Get of <c>Win32_Service</c>: the bag of
/// <see cref="Win32ServiceState"/>, or State 8 when the computer answers that it has no such service (as the SCOM
/// modules that are not the "Existing" ones do). A computer that cannot be reached or refuses the credentials gives
/// no bag: the read throws (SCOM's State 9, server not found, would turn every service monitor of an unreachable
/// computer red; here the computer's reachability says it once, with backoff).
/// </summary>
public sealed class Win32ServiceReader(CimConnection connection, string serviceName)
{
    public CimConnection Connection { get; } = connection;

    public string ServiceName { get; } = serviceName;

    public static Win32ServiceReader Open(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var configuration = setup.Configuration;
        var serviceName = configuration.Required("ServiceName");
        var computer = CimComputer.Resolve(setup, configuration.Optional("ComputerName"), "ComputerName");
        return new Win32ServiceReader(CimConnection.Open(setup, computer, "root/cimv2"), serviceName);
    }

    public async Task<PropertyBagData> ReadAsync(DateTimeOffset time, CancellationToken cancellationToken)
    {
        var values = await Connection.RunAsync(
            async (client, token) =>
            {
                try
                {
                    return Win32ServiceState.Of(await client.GetInstanceAsync("Win32_Service", new Dictionary<string, string> { ["Name"] = ServiceName }, token).ConfigureAwait(false));
                }
                catch (CimException missing) when (missing.Kind == CimErrorKind.NotFound)
                {
                    return Win32ServiceState.Missing(ServiceName);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return new PropertyBagData(time, values);
    }
}
