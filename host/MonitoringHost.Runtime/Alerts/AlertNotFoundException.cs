namespace MonitoringHost.Runtime.Alerts;

/// <summary>No alert has this id (or the manager no longer holds it: a closed alert from before a restart; see <see cref="AlertManager.Restore"/>).</summary>
public sealed class AlertNotFoundException(Guid alertId) : Exception($"there is no alert {alertId:D}")
{
    public Guid AlertId { get; } = alertId;
}
