namespace MonitoringHost.Storage;

/// <summary>
/// A stored performance sample: which collection rule took it, for which object, the counter, its value (null when
/// the counter could not be read) and when it was sampled (UTC, to the microsecond once stored).
/// </summary>
public sealed record PerformanceSample(
    string WorkflowId,
    Guid TargetId,
    string ObjectName,
    string CounterName,
    string InstanceName,
    double? Value,
    DateTimeOffset TimeSampled);
