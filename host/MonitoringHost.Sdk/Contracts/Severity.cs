namespace MonitoringHost.Sdk.Contracts;

/// <summary>An alert's severity, with SCOM's numbers (sent as the number, with its name beside it).</summary>
public enum Severity
{
    /// <summary>0: for information.</summary>
    Information = 0,

    /// <summary>1: a warning.</summary>
    Warning = 1,

    /// <summary>2: an error.</summary>
    Error = 2,
}
