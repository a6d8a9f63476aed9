namespace MonitoringHost.Sdk.Contracts;

/// <summary>One change in an alert's history (<c>GET /alerts/{id}/history</c>).</summary>
/// <param name="Time">When (UTC).</param>
/// <param name="Version">The alert's version after the change.</param>
/// <param name="By">Who: a key's name, a connector's id, or <c>System</c>.</param>
/// <param name="ByKind"><c>user</c>, <c>connector</c> or <c>system</c>.</param>
/// <param name="Changes">Each changed field (camelCase) with its old and new value, as text.</param>
/// <param name="Comment">The comment given with the change.</param>
public sealed record AlertHistoryEntry(
    DateTimeOffset Time,
    long Version,
    string By,
    string ByKind,
    IReadOnlyDictionary<string, IReadOnlyList<string?>> Changes,
    string? Comment);
