namespace MonitoringHost.Runtime.Operations;

/// <summary>
/// A commit would have left two open alerts of one monitor on one object (<see cref="AlertId"/> and
/// <see cref="OpenAlertId"/>). The store refuses it and writes nothing of the batch.
/// </summary>
public sealed class OpenMonitorAlertConflictException : InvalidOperationException
{
    public OpenMonitorAlertConflictException()
        : this("a commit would have left two open alerts of one monitor on one object")
    {
    }

    public OpenMonitorAlertConflictException(string message)
        : base(message)
    {
        RuleOrMonitorId = string.Empty;
    }

    public OpenMonitorAlertConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleOrMonitorId = string.Empty;
    }

    public OpenMonitorAlertConflictException(Guid alertId, string ruleOrMonitorId, Guid monitoringObjectId, Guid? openAlertId, Exception? innerException = null)
        : base(Describe(alertId, ruleOrMonitorId, monitoringObjectId, openAlertId), innerException)
    {
        AlertId = alertId;
        RuleOrMonitorId = ruleOrMonitorId;
        MonitoringObjectId = monitoringObjectId;
        OpenAlertId = openAlertId;
    }

    /// <summary>The alert the batch would have left open.</summary>
    public Guid AlertId { get; }

    public string RuleOrMonitorId { get; }

    public Guid MonitoringObjectId { get; }

    /// <summary>The alert already open for the same monitor and object, where the store could tell.</summary>
    public Guid? OpenAlertId { get; }

    private static string Describe(Guid alertId, string ruleOrMonitorId, Guid monitoringObjectId, Guid? openAlertId) =>
        $"the alert {alertId} would be a second open alert of the monitor {ruleOrMonitorId} on the object {monitoringObjectId}" +
        (openAlertId is { } open ? $" (the alert {open} is open)" : "") + "; nothing of the batch was written";
}
