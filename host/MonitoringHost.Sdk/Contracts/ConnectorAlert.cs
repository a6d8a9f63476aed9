using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// One change of an alert as a connector receives it (<c>GET /connectors/{id}/alerts</c>, webhook batches): the alert
/// as it was right after the change, with the change's sequence in the change feed (the same change delivered again
/// carries the same <see cref="ChangeSeq"/>, so a consumer drops what it has seen), whether it created or updated
/// the alert, who made it, and what it changed.
/// </summary>
public sealed record ConnectorAlert : MonitoringAlert
{
    /// <summary>For the JSON reader.</summary>
    [JsonConstructor]
    public ConnectorAlert(
        Guid id,
        string name,
        string description,
        Severity severity,
        string? severityName,
        Priority priority,
        string? priorityName,
        int resolutionState,
        string? category,
        Guid monitoringObjectId,
        string monitoringObjectDisplayName,
        string monitoringObjectPath,
        string monitoringClassId,
        bool isMonitorAlert,
        string ruleOrMonitorId,
        Guid problemId,
        int repeatCount,
        string? owner,
        string? ticketId)
        : base(id, name, description, severity, severityName, priority, priorityName, resolutionState, category, monitoringObjectId,
            monitoringObjectDisplayName, monitoringObjectPath, monitoringClassId, isMonitorAlert, ruleOrMonitorId, problemId, repeatCount, owner, ticketId)
    {
    }

    /// <summary>The change of <paramref name="alert"/> (as it is after it) at <paramref name="changeSeq"/>.</summary>
    /// <param name="alert">The alert after the change.</param>
    /// <param name="changeSeq">The change's sequence in the change feed.</param>
    [SetsRequiredMembers]
    public ConnectorAlert(MonitoringAlert alert, long changeSeq)
        : base(alert)
    {
        ChangeSeq = changeSeq;
    }

    /// <summary>The change's sequence in the change feed.</summary>
    public long ChangeSeq { get; init; }

    /// <summary><c>alert.created</c> or <c>alert.updated</c>.</summary>
    public string Change { get; init; } = "";

    /// <summary>Who made the change: a key's name, a connector's id, or System.</summary>
    public string ChangedBy { get; init; } = "";

    /// <summary><c>user</c>, <c>connector</c> or <c>system</c>; null for a creation.</summary>
    public string? ChangedByKind { get; init; }

    /// <summary>For an update, the fields it changed: field → [old, new].</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string?>>? Changes { get; init; }

    /// <summary>For an update, the comment given with it.</summary>
    public string? Comment { get; init; }
}
