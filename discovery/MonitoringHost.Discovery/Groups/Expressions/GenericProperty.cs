namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary>What every object has whatever its class declares.</summary>
public enum GenericProperty
{
    Id,
    DisplayName,

    /// <summary>The object's own key values joined by ';' (its class name when it has no key).</summary>
    Name,
    Path,

    /// <summary><c>{class}:{path}</c>.</summary>
    FullName,
}
