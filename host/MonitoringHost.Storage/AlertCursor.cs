namespace MonitoringHost.Storage;

/// <summary>Where a page of alerts ended: alerts come ordered by (last modified, id), and the next page starts after this.</summary>
public sealed record AlertCursor(DateTimeOffset LastModified, Guid Id);
