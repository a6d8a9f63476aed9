namespace MonitoringHost.Storage;

/// <summary>A connector was to be registered under the name of another connector.</summary>
public sealed class ConnectorNameTakenException : InvalidOperationException
{
    public ConnectorNameTakenException(string name, Exception innerException)
        : base($"a connector named '{name}' exists already", innerException)
    {
        Name = name;
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }
}
