namespace MonitoringHost.Sdk;

/// <summary>No answer from the server: nothing listens at its address, or it did not answer in time.</summary>
public sealed class MonitoringHostUnreachableException : Exception
{
    /// <summary>The server at <paramref name="server"/> could not be reached.</summary>
    /// <param name="server">The server's base address.</param>
    /// <param name="reason">Why, for people.</param>
    /// <param name="inner">The failure underneath.</param>
    public MonitoringHostUnreachableException(Uri server, string reason, Exception inner)
        : base($"cannot reach the server at {server}: {reason}", inner)
    {
        Server = server;
    }

    /// <summary>The server's base address.</summary>
    public Uri Server { get; }
}
