using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Modules;

/// <summary>
/// A scheduler data source (<c>System.Scheduler</c>, <c>System.SimpleScheduler</c>, <c>System.Discovery.Scheduler</c>):
/// the host's scheduler runs the workflow instance when <see cref="Schedule"/> fires, and this module turns that
/// tick into the trigger item its workflow starts from. A native data source with its own schedule (the SNMP data
/// source's <c>Scheduler</c> and request in one module) overrides <see cref="RunAsync"/> to output its item instead.
/// </summary>
public abstract class SchedulerModule : ModuleInstance
{
    public abstract Schedule Schedule { get; }

    /// <summary>
    /// Whether a new workflow instance (a new object, or the host's start) runs at once rather than at its offset in
    /// the interval, as discoveries do.
    /// </summary>
    public virtual bool RunsAtStart => false;

    /// <summary>
    /// Passes the tick on as a <see cref="TriggerData"/>. A native data source with a schedule of its own (a
    /// <c>Frequency</c>, such as <c>Microsoft.Windows.Win32ServiceInformationProvider</c>) overrides this to read and emit its data instead.
    /// </summary>
    public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.Emit(input as TriggerData ?? new TriggerData(input.Time));
        return ValueTask.CompletedTask;
    }
}
