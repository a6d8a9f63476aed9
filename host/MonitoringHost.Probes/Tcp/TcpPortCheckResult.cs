using System.Net;

namespace MonitoringHost.Probes.Tcp;

/// <summary>
/// How one TCP port check went: <see cref="StatusCode"/> as in <see cref="TcpStatusCodes"/>, the time the connection
/// took (or the time until it failed), the address tried last, and what went wrong in words.
/// </summary>
public sealed record TcpPortCheckResult(
    string ServerName,
    int Port,
    uint StatusCode,
    TimeSpan ConnectionTime,
    IPAddress? Address,
    string? Message)
{
    public bool Succeeded => StatusCode == TcpStatusCodes.Success;
}
