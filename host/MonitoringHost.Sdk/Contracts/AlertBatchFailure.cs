namespace MonitoringHost.Sdk.Contracts;

/// <summary>An alert a batch update did not change.</summary>
/// <param name="Id">The alert.</param>
/// <param name="Reason">Why it was not changed.</param>
public sealed record AlertBatchFailure(Guid Id, string Reason);
