namespace MonitoringHost.Runtime.Maintenance;

/// <summary>SCOM's maintenance mode reasons, with its numbers.</summary>
public enum MaintenanceReason
{
    PlannedOther = 0,
    UnplannedOther = 1,
    PlannedHardwareMaintenance = 2,
    UnplannedHardwareMaintenance = 3,
    PlannedHardwareInstallation = 4,
    UnplannedHardwareInstallation = 5,
    PlannedOperatingSystemReconfiguration = 6,
    UnplannedOperatingSystemReconfiguration = 7,
    PlannedApplicationMaintenance = 8,
    ApplicationInstallation = 9,
    ApplicationUnresponsive = 10,
    ApplicationUnstable = 11,
    SecurityIssue = 12,
    LossOfNetworkConnectivity = 13,
    UnplannedApplicationMaintenance = 14,
}

/// <summary>
/// An object in maintenance from <see cref="Start"/> until <see cref="Until"/>. Maintenance started recursively on
/// <see cref="RootObjectId"/> covers every object it hosts or contains, each with its own window naming the root.
/// </summary>
public sealed record MaintenanceWindow(
    Guid ObjectId,
    Guid RootObjectId,
    DateTimeOffset Start,
    DateTimeOffset Until,
    MaintenanceReason Reason,
    string? Comment,
    string By,
    bool Recursive);
