using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Modules.Schedulers;

/// <summary>
/// <c>System.Discovery.Scheduler</c>: a discovery's schedule. Same configuration as <c>System.Scheduler</c>; the host
/// also runs a discovery as soon as its target appears (see the workflow host), as a new object needs its discovery
/// at once rather than one interval later.
/// </summary>
public sealed class DiscoveryScheduler(Schedule schedule) : SchedulerModule
{
    public override Schedule Schedule { get; } = schedule;

    public sealed class Factory : NativeModuleFactory
    {
        public override string TypeId => "System.Discovery.Scheduler";

        /// <inheritdoc />
        public override bool Shareable(ModuleConfiguration configuration) => true;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            return new DiscoveryScheduler(SchedulerConfiguration.Read(setup.Configuration));
        }
    }
}
