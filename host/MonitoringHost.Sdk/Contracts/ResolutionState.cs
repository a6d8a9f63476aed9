namespace MonitoringHost.Sdk.Contracts;

/// <summary>A resolution state (<c>GET /resolution-states</c>).</summary>
/// <param name="Code">0 New, 255 Closed, 1–254 custom.</param>
/// <param name="Name">Its name.</param>
public sealed record ResolutionState(int Code, string Name);
