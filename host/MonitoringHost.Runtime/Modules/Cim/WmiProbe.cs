using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// <c>Microsoft.Windows.WmiProbe</c>: on each input item, runs the WQL query remotely and emits one property bag per
/// WMI object as one set.
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
