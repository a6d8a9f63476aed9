namespace MonitoringHost.Runtime.Modules.SelfMonitoring;

/// <summary>
/// The running management server's own figures, for the self-monitoring modules of
/// <c>MonitoringHost.ManagementServer.Library</c>. The server implements it over its store, its workflow host and
/// its operations loop and hands it to the modules through <see cref="RuntimeServices.SelfStatus"/>.
/// </summary>
public interface IServerSelfStatus
{
    /// <summary>
    /// Reads the figures now. A store that cannot be read is part of the answer (<see cref="ServerStatus.StoreError"/>),
    /// never an exception: that is exactly what the store monitor must see.
    /// </summary>
    Task<ServerStatus> ReadAsync(CancellationToken cancellationToken);
}
