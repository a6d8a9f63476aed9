namespace MonitoringHost.Sdk.Contracts;

/// <summary>An alert's priority, with SCOM's numbers.</summary>
public enum Priority
{
    /// <summary>0: low.</summary>
    Low = 0,

    /// <summary>1: normal.</summary>
    Normal = 1,

    /// <summary>2: high.</summary>
    High = 2,
}
