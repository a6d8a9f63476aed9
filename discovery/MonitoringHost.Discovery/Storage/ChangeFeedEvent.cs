namespace MonitoringHost.Discovery.Storage;

/// <summary>
/// One change for the feed, written in the same transaction as the change itself. <see cref="Kind"/> is
/// <c>object.added</c>, <c>object.changed</c>, <c>object.removed</c>, <c>relationship.added</c>,
/// <c>relationship.removed</c> (later: health, alert and maintenance kinds); <see cref="Payload"/> is JSON.
/// </summary>
public sealed record ChangeFeedEvent(string Kind, Guid SubjectId, DateTimeOffset Time, string Payload);
