using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Modules.Schedulers;

/// <summary><c>System.Scheduler</c>: fires on its <c>Scheduler</c> configuration (<see cref="SchedulerConfiguration"/>).</summary>
public sealed class SystemScheduler(Schedule schedule) : SchedulerModule
{
    public override Schedule Schedule { get; } = schedule;

    public sealed class Factory : NativeModuleFactory
    {
        public override string TypeId => "System.Scheduler";

        /// <inheritdoc />
        public override bool Shareable(ModuleConfiguration configuration) => true;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            return new SystemScheduler(SchedulerConfiguration.Read(setup.Configuration));
        }
    }
}
