namespace MonitoringHost.Storage;

/// <summary>
/// What waits in <see cref="CollectedDataStore"/>'s buffer: a sample, an event, or a flush marker completed once
/// everything queued before it is written.
/// </summary>
internal sealed record PendingRow(PerformanceSample? Sample, CollectedEvent? Event, TaskCompletionSource? Flushed);
