namespace MonitoringHost.Probes.Tests.Http;

/// <summary>A request the loopback server received: method and path, and the connection it came on (1-based).</summary>
internal sealed record ServedRequest(string Method, string Path, int Connection);
