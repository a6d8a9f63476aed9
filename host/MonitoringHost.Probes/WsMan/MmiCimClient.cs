namespace MonitoringHost.Probes.WsMan;

/// <summary>
/// The DCOM / Microsoft.Management.Infrastructure path to WMI. It needs Windows' own MI stack; Microsoft's Unix
/// package ships no libmi and its managed part fails inside, so on Linux it cannot work. This host reaches WMI
/// through <see cref="WsManClient"/> instead, on every platform.
/// </summary>
public sealed class MmiCimClient : ICimClient
{
    public const string NotSupportedMessage =
        "CIM over DCOM / Microsoft.Management.Infrastructure (MMI) works only on Windows and is not built into this host; "
        + "reach the computer over WS-Man (WinRM, HTTP 5985 or HTTPS 5986) instead.";

    public Task<CimInstance> GetInstanceAsync(string className, IReadOnlyDictionary<string, string> keys, CancellationToken cancellationToken) =>
        throw new PlatformNotSupportedException(NotSupportedMessage);

    public IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(string className, CancellationToken cancellationToken) =>
        throw new PlatformNotSupportedException(NotSupportedMessage);

    public IAsyncEnumerable<CimInstance> QueryAsync(string wql, CancellationToken cancellationToken) =>
        throw new PlatformNotSupportedException(NotSupportedMessage);
}
