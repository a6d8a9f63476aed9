using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Modules.Snmp;

/// <summary>
/// <c>System.NetworkManagement.SnmpDataSource</c>: on its own <c>Scheduler</c> (a <c>SimpleReccuringSchedule</c>), a
/// GET of the configured variable bindings, output as one <c>System.SnmpData</c> per run. A run for a device in
/// reachability backoff or one that gets no answer outputs nothing (see <see cref="SnmpRequest"/>).
/// </summary>
public sealed class SnmpDataSource(Schedule schedule, SnmpRequest request) : SchedulerModule
{
    public override Schedule Schedule { get; } = schedule;

    public SnmpRequest Request { get; } = request;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Emit(await Request.GetAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Makes <see cref="SnmpDataSource"/>s (never shared: each holds its target's community).</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public const string Id = "System.NetworkManagement.SnmpDataSource";

        public override string TypeId => Id;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            var schedule = SchedulerConfiguration.Read(setup.Configuration);
            return new SnmpDataSource(schedule, new SnmpRequest(setup, SnmpRequestConfiguration.Read(setup.Configuration)));
        }
    }
}
