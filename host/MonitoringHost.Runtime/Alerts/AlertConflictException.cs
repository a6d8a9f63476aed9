namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// Reopening a closed alert would make a second open alert where only one may be: the same monitor and object, or the
/// same rule, object and suppression values (409). <see cref="OpenAlertId"/> is the alert already open.
/// </summary>
public sealed class AlertConflictException(Guid alertId, Guid openAlertId, string what)
    : Exception($"alert {alertId:D} cannot be reopened: alert {openAlertId:D} is already open for {what}")
{
    public Guid AlertId { get; } = alertId;

    public Guid OpenAlertId { get; } = openAlertId;
}
