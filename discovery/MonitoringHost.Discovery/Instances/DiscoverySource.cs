namespace MonitoringHost.Discovery.Instances;

/// <summary>
/// What claims objects and relationships. An object lives while one source claims it. The value is a stable text
/// key, so that claims survive restarts: <c>discovery:{workflow}:{target}</c>, <c>connector:{id}</c>,
/// <c>sdk:{client}</c>, <c>pack:{pack}</c> (singletons), <c>group:{populating discovery}</c>.
/// </summary>
public readonly record struct DiscoverySource(string Value)
{
    public static DiscoverySource Workflow(string discoveryId, Guid targetObjectId) => new($"discovery:{discoveryId}:{targetObjectId:D}");

    public static DiscoverySource Connector(Guid connectorId) => new($"connector:{connectorId:D}");

    public static DiscoverySource Sdk(string client) => new($"sdk:{client}");

    public static DiscoverySource Pack(string packId) => new($"pack:{packId}");

    public static DiscoverySource Group(string populatingDiscoveryId) => new($"group:{populatingDiscoveryId}");

    /// <summary>The discovery workflow ID for a workflow source, else null.</summary>
    public string? DiscoveryId => Value.StartsWith("discovery:", StringComparison.Ordinal) ? Value.Split(':')[1] : null;

    public override string ToString() => Value;
}
