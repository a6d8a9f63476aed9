using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Modules.SelfMonitoring;

/// <summary>
/// <c>MonitoringHost.ManagementServer.Scheduler</c>: every <c>IntervalSeconds</c>, and once as soon as its workflow
/// instance is created, so that a freshly started server shows its own health within seconds rather than one
/// interval later.
/// </summary>
public sealed class ServerStatusScheduler(Schedule schedule) : SchedulerModule
{
    public override Schedule Schedule { get; } = schedule;

    /// <inheritdoc />
    public override bool RunsAtStart => true;

    public sealed class Factory : NativeModuleFactory
    {
        public const string Id = "MonitoringHost.ManagementServer.Scheduler";

        public override string TypeId => Id;

        /// <inheritdoc />
        public override bool Shareable(ModuleConfiguration configuration) => true;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            var seconds = setup.Configuration.RequiredInteger("IntervalSeconds");
            return seconds is < 1 or > 86_400
                ? throw setup.Configuration.Problem("IntervalSeconds", $"{seconds} is not between 1 and 86400 seconds")
                : new ServerStatusScheduler(new RecurringSchedule(TimeSpan.FromSeconds(seconds)));
        }
    }
}
