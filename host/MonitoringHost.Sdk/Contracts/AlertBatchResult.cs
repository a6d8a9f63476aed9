namespace MonitoringHost.Sdk.Contracts;

/// <summary>What a batch update did: the alerts changed and, for each one not changed, why.</summary>
/// <param name="Updated">The alerts changed.</param>
/// <param name="Failures">The alerts not changed.</param>
public sealed record AlertBatchResult(IReadOnlyList<Guid> Updated, IReadOnlyList<AlertBatchFailure> Failures);
