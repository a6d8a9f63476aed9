namespace Itsm.Service;

/// <summary>Where an incident stands; a closed incident no longer changes.</summary>
public enum IncidentStatus
{
    New,
    Active,
    Resolved,
    Closed,
}
