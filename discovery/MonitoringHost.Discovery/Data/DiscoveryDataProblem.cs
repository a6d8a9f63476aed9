namespace MonitoringHost.Discovery.Data;

/// <summary>Why discovery data was rejected: where in the data (<c>objects[3].properties.PrincipalName</c>) and what.</summary>
public sealed record DiscoveryDataProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
