using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// The WQL query of a <c>Microsoft.Windows.WmiProbe</c> (NameSpace, Query) on its
/// computer: the namespace's <c>\\computer\</c> part, else the target's Windows computer (<see cref="CimComputer"/>).
/// </summary>
public sealed class WmiQuery(CimConnection connection, string query)
{
    public CimConnection Connection { get; } = connection;

    public string Query { get; } = query;

    public static WmiQuery Open(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var configuration = setup.Configuration;
        var (computer, wmiNamespace) = CimComputer.SplitNamespace(configuration.Required("NameSpace"));
        var query = configuration.Required("Query");
        return new WmiQuery(CimConnection.Open(setup, CimComputer.Resolve(setup, computer, "NameSpace"), wmiNamespace), query);
    }

    /// <summary>One property bag per WMI object the query selects, in the order WMI returned them: a set (possibly empty).</summary>
    public async Task<DataItemSet> ReadAsync(DateTimeOffset time, CancellationToken cancellationToken)
    {
        var bags = await Connection.RunAsync(
            async (client, token) =>
            {
                var read = new List<DataItem>();
                await foreach (var instance in client.QueryAsync(Query, token).ConfigureAwait(false))
                {
                    read.Add(CimPropertyBag.From(instance, time));
                }

                return read;
            },
            cancellationToken).ConfigureAwait(false);
        return new DataItemSet(time, bags);
    }
}
