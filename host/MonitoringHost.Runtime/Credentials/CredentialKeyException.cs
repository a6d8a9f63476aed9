namespace MonitoringHost.Runtime.Credentials;

/// <summary>The credential key file cannot be used: which file and why (never the key).</summary>
public sealed class CredentialKeyException(string path, string reason)
    : Exception($"The credential key file {path} cannot be used: {reason}")
{
    public string FilePath { get; } = path;
}
