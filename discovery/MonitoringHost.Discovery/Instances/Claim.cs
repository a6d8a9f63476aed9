namespace MonitoringHost.Discovery.Instances;

/// <summary>That <see cref="Source"/> claims the object or relationship <see cref="ItemId"/>.</summary>
public readonly record struct Claim(string Source, ClaimKind Kind, Guid ItemId);

public enum ClaimKind
{
    Object = 0,
    Relationship = 1,
}
