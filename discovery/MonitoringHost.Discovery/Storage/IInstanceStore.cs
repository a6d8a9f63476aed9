namespace MonitoringHost.Discovery.Storage;

/// <summary>
/// Where the instance space lives between restarts (SQLite or PostgreSQL). The instance space is the only writer:
/// it validates and diffs in memory, then commits one change set per discovery data item.
/// </summary>
public interface IInstanceStore
{
    /// <summary>Reads every object, relationship and claim.</summary>
    Task<StoredInstances> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the change set and its feed events in one transaction and returns the sequence number of the last
    /// feed event written (or the current last one when there are none). When it returns, the change is durable.
    /// </summary>
    Task<long> CommitAsync(InstanceChangeSet changes, CancellationToken cancellationToken);

    /// <summary>Feed entries with a sequence number greater than <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<ChangeFeedEntry>> ReadFeedAsync(long afterSequence, int limit, CancellationToken cancellationToken);
}
