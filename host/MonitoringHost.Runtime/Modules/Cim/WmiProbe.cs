using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// <c>Microsoft.Windows.WmiProbe</c>: on each input item, runs the WQL query remotely and emits one property bag per
/// WMI object as one set (an empty set when nothing matched). <c>Microsoft.Windows.WmiProvider</c> is this probe on
/// a <c>System.Scheduler</c> every <c>Frequency</c> seconds, a composite as in Microsoft's library. A failure emits
/// nothing and throws: its message becomes the instance's last error.
/// </summary>
public sealed class WmiProbe(WmiQuery query) : ModuleInstance
{
    public WmiQuery Query { get; } = query;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.EmitSet(await Query.ReadAsync(input.Time, cancellationToken).ConfigureAwait(false));
    }
}
