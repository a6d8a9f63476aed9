using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Runtime.Health;

/// <summary>What an object listing shows of its health: the entity state, maintenance, availability (greyed when false).</summary>
public sealed record ObjectHealthSummary(Guid ObjectId, HealthState HealthState, bool InMaintenance, bool IsAvailable);
