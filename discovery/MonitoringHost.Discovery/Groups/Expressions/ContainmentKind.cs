namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary>Which way a containment clause looks and whether it is negated.</summary>
public enum ContainmentKind
{
    /// <summary>The object contains (hosts, or holds by a containment relationship, at any depth) a match.</summary>
    Contains,
    NotContains,

    /// <summary>The object is contained by (hosted by, or held by a containment relationship of, at any depth) a match.</summary>
    Contained,
    NotContained,
}
