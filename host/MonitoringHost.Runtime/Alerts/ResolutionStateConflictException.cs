namespace MonitoringHost.Runtime.Alerts;

/// <summary>A resolution state's code or name is already in use (409).</summary>
public sealed class ResolutionStateConflictException(ResolutionState requested, ResolutionState existing)
    : Exception($"resolution state {requested.Code} '{requested.Name}' cannot be added: {existing.Code} '{existing.Name}' already uses that {(requested.Code == existing.Code ? "code" : "name")}")
{
    public ResolutionState Requested { get; } = requested;

    public ResolutionState Existing { get; } = existing;
}
