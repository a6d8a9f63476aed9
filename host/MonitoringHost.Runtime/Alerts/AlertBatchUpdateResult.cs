namespace MonitoringHost.Runtime.Alerts;

/// <summary>What a batch update did (API.md <c>alerts:batchUpdate</c>): the alerts updated, and why each other one was not.</summary>
public sealed record AlertBatchUpdateResult(IReadOnlyList<Guid> Updated, IReadOnlyList<AlertUpdateFailure> Failures);

/// <summary>One alert of a batch update that was not updated, and why.</summary>
public sealed record AlertUpdateFailure(Guid Id, string Reason);
