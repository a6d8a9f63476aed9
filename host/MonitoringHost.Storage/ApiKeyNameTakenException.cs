namespace MonitoringHost.Storage;

/// <summary>A key was to be created under the name of a key that is not revoked.</summary>
public sealed class ApiKeyNameTakenException : InvalidOperationException
{
    public ApiKeyNameTakenException(string name, Exception innerException)
        : base($"an API key named '{name}' exists already (revoke it first to reuse the name)", innerException)
    {
        Name = name;
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }
}
