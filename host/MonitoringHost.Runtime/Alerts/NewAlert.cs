using System.Collections.Immutable;

namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// An alert created through the SDK (API.md <c>POST /alerts</c>, the runbook "Create Alert" path): for
/// <see cref="MonitoringObjectId"/>, severity 0–2, priority 0–2. <see cref="CustomFields"/> is keyed by field number (1–10).
/// </summary>
public sealed record NewAlert(Guid MonitoringObjectId, string Name, string Description, int Severity, int Priority)
{
    public string? Owner { get; init; }

    public string? TicketId { get; init; }

    public string? Category { get; init; }

    public ImmutableDictionary<int, string> CustomFields { get; init; } = ImmutableDictionary<int, string>.Empty;
}
