using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>The <c>Frequency</c> (seconds) of a CIM data source: its own schedule, at the instance's offset.</summary>
public static class CimFrequency
{
    public static RecurringSchedule Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var seconds = configuration.RequiredInteger("Frequency");
        return seconds is < 1 or > 31_536_000
            ? throw configuration.Problem("Frequency", $"{seconds} is not between 1 and 31536000 seconds")
            : new RecurringSchedule(TimeSpan.FromSeconds(seconds));
    }
}
