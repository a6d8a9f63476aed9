using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// <c>Microsoft.Windows.WmiProvider</c>: every <c>Frequency</c> seconds, runs the WQL query remotely over WS-Man and
/// emits one property bag per WMI object as one set (an empty set when nothing matched). A failure emits nothing and
/// throws: its message becomes the instance's last error.
/// </summary>
public sealed class WmiProvider(WmiQuery query, Schedule schedule) : SchedulerModule
{
    public WmiQuery Query { get; } = query;

    public override Schedule Schedule { get; } = schedule;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.EmitSet(await Query.ReadAsync(input.Time, cancellationToken).ConfigureAwait(false));
    }
}
