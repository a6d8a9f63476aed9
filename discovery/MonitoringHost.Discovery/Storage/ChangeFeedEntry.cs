namespace MonitoringHost.Discovery.Storage;

/// <summary>A committed feed event with its sequence number: strictly increasing, never reused.</summary>
public sealed record ChangeFeedEntry(long Sequence, string Kind, Guid SubjectId, DateTimeOffset Time, string Payload);
