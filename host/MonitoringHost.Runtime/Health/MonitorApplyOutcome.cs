namespace MonitoringHost.Runtime.Health;

/// <summary>What the health model did with a monitor type state or a reset.</summary>
public enum MonitorApplyOutcome
{
    /// <summary>The monitor's health changed (and was rolled up).</summary>
    Changed,

    /// <summary>The health is what it was; the monitor type state is kept current.</summary>
    Unchanged,

    /// <summary>The object is in maintenance: no state change; a monitor type state is remembered for when it ends.</summary>
    InMaintenance,

    /// <summary>The monitor is disabled for this object (in its pack, by an override, or beneath a disabled aggregate).</summary>
    Disabled,

    /// <summary>The health model has no such object (removed meanwhile, or never discovered).</summary>
    UnknownObject,

    /// <summary>No monitor of that name applies to the object's class.</summary>
    UnknownMonitor,
}
