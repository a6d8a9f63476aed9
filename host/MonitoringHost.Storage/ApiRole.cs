namespace MonitoringHost.Storage;

/// <summary>What an API key may do, after SCOM's user roles (see the API's conventions).</summary>
public enum ApiRole
{
    /// <summary>Everything.</summary>
    Administrator,

    /// <summary>Management packs and overrides.</summary>
    Author,

    /// <summary>Alerts, maintenance and tasks.</summary>
    Operator,

    /// <summary>Reads only.</summary>
    ReadOnlyOperator,

    /// <summary>Its own connector's endpoints, the discovery data it owns and alert updates.</summary>
    Connector,
}
