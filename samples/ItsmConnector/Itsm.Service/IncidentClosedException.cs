namespace Itsm.Service;

/// <summary>A change to a closed incident, which no longer changes.</summary>
public sealed class IncidentClosedException(string incidentId) : Exception($"incident {incidentId} is closed and cannot change")
{
    public string IncidentId { get; } = incidentId;
}
