namespace MonitoringHost.ManagementPacks.Model;

/// <summary>Health states with SCOM's numbers.</summary>
public enum HealthState
{
    Uninitialized = 0,
    Success = 1,
    Warning = 2,
    Error = 3,
}
