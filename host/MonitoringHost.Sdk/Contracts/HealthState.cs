namespace MonitoringHost.Sdk.Contracts;

/// <summary>A monitor's or an object's health, with SCOM's numbers.</summary>
public enum HealthState
{
    /// <summary>0: nothing has reported yet (grey).</summary>
    Uninitialized = 0,

    /// <summary>1: healthy (green).</summary>
    Success = 1,

    /// <summary>2: warning (yellow).</summary>
    Warning = 2,

    /// <summary>3: critical (red).</summary>
    Error = 3,
}
