namespace MonitoringHost.Probes.WsMan;

/// <summary>
/// Reads CIM (WMI) instances from one remote computer. Failures of the remote side throw <see cref="CimException"/>
/// with a <see cref="CimErrorKind"/> and a message that names the computer and what went wrong; the caller's own
/// cancellation throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface ICimClient
{
    /// <summary>
    /// One instance of <paramref name="className"/> by its keys (an empty set for a singleton such as
    /// Win32_OperatingSystem).
    /// </summary>
    Task<CimInstance> GetInstanceAsync(string className, IReadOnlyDictionary<string, string> keys, CancellationToken cancellationToken);

    /// <summary>Every instance of <paramref name="className"/>, read page by page as the caller goes on.</summary>
    IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(string className, CancellationToken cancellationToken);

    /// <summary>The instances a WQL query selects, read page by page as the caller goes on.</summary>
    IAsyncEnumerable<CimInstance> QueryAsync(string wql, CancellationToken cancellationToken);
}
