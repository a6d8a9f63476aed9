namespace MonitoringHost.Runtime.Alerts;

/// <summary>An update expected another version of the alert than the current one (a stale <c>If-Match</c>: 409).</summary>
public sealed class AlertVersionConflictException(Guid alertId, long expectedVersion, long currentVersion)
    : Exception($"alert {alertId:D} is at version {currentVersion}, not the expected version {expectedVersion}; read it again and retry")
{
    public Guid AlertId { get; } = alertId;

    public long ExpectedVersion { get; } = expectedVersion;

    public long CurrentVersion { get; } = currentVersion;
}
