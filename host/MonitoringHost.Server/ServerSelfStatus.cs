using System.Data.Common;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules.SelfMonitoring;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// The figures the self-monitoring pack reads (<see cref="IServerSelfStatus"/>): the store's size read from the store
/// itself (a store that does not answer is reported, not thrown), the workflow host's run counters and the operations
/// loop's commits. The workflow host is attached once built, since it is built with the services that hold this.
/// </summary>
internal sealed class ServerSelfStatus(InstanceStore store, OperationsEngine engine) : IServerSelfStatus
{
    /// <summary>How long the store may take to answer the size query before it counts as unreachable.</summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(15);

    public WorkflowHost? Host { get; set; }

    public async Task<ServerStatus> ReadAsync(CancellationToken cancellationToken)
    {
        string? storeError = null;
        long size = 0;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(StoreTimeout);
            try
            {
                size = await store.ReadSizeAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                storeError = $"the store did not answer within {StoreTimeout.TotalSeconds:0} s";
            }
            catch (Exception failure) when (failure is DbException or IOException or InvalidOperationException or TimeoutException)
            {
                // The failure is the reading: the store monitor turns it into its Error state and alert.
                storeError = $"{failure.GetType().Name}: {failure.Message}";
            }
        }

        var host = Host;
        var loop = engine.Loop;
        return new ServerStatus
        {
            StoreError = storeError,
            StoreSizeBytes = size,
            RunsInProgress = host?.RunsInProgress ?? 0,
            RunCapacity = host?.RunCapacity ?? 0,
            RunsStarted = host?.RunsStarted ?? 0,
            RunsFailed = host?.RunsFailed ?? 0,
            StartLagTotal = host?.StartLagTotal ?? TimeSpan.Zero,
            CommitFailure = loop.CommitFailure is { } commit ? $"{commit.GetType().Name}: {commit.Message}" : null,
            CommittedBatches = loop.CommittedBatches,
        };
    }
}
