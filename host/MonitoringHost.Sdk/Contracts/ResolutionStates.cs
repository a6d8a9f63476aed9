namespace MonitoringHost.Sdk.Contracts;

/// <summary>The two fixed resolution states; 1–254 are built-in or custom (<c>GET /resolution-states</c>).</summary>
public static class ResolutionStates
{
    /// <summary>0: a new alert.</summary>
    public const int New = 0;

    /// <summary>255: a closed alert.</summary>
    public const int Closed = 255;
}
