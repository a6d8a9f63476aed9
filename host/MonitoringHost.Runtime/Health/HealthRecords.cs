using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Runtime.Health;

/// <summary>
/// One monitor's health changed on one object: a unit monitor because a detection fired (<see cref="Context"/> is
/// the data item that caused it, as XML), an aggregate or dependency monitor because its rollup changed (no context).
/// Written to the store and to the change feed as <c>health.changed</c>.
/// </summary>
/// <param name="MonitorId">The monitor's MP-qualified name (<c>Pack!Id</c> resolved to the element ID, e.g. <c>System.Health.AvailabilityState</c>).</param>
public sealed record StateChange(
    Guid ObjectId,
    string MonitorId,
    HealthState OldState,
    HealthState NewState,
    DateTimeOffset Time,
    string? Context);

/// <summary>
/// The current state of one monitor on one object, as kept between restarts. <see cref="MonitorTypeState"/> is the
/// unit monitor's monitor type state (null for aggregate and dependency monitors, and before the first detection).
/// <see cref="LastChanged"/> is <see cref="DateTimeOffset.MinValue"/> for a monitor whose health never changed but
/// whose monitor type state is known (a detection while its object was in maintenance).
/// </summary>
public sealed record MonitorStateRecord(
    Guid ObjectId,
    string MonitorId,
    HealthState State,
    string? MonitorTypeState,
    DateTimeOffset LastChanged);
