namespace MonitoringHost.Runtime.Alerts;

/// <summary>An alert was asked for an object the instance space does not have (404).</summary>
public sealed class MonitoringObjectNotFoundException(Guid objectId) : Exception($"there is no monitoring object {objectId:D}")
{
    public Guid ObjectId { get; } = objectId;
}
