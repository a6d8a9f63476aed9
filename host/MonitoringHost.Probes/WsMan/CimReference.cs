namespace MonitoringHost.Probes.WsMan;

/// <summary>A CIM reference property: the endpoint reference's resource URI and selectors.</summary>
public sealed record CimReference(string ResourceUri, IReadOnlyDictionary<string, string> Selectors);
