namespace MonitoringHost.Sdk.Contracts;

/// <summary>One change applied to several alerts (<c>POST /alerts:batchUpdate</c>).</summary>
/// <param name="Ids">The alerts to change.</param>
/// <param name="Patch">The change.</param>
/// <param name="Comment">A comment kept in each alert's history.</param>
public sealed record AlertBatchUpdate(IReadOnlyList<Guid> Ids, AlertChange Patch, string? Comment = null);
