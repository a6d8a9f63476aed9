namespace MonitoringHost.Runtime.Modules.SelfMonitoring;

/// <summary>
/// One reading of the management server's figures. Counters (<see cref="RunsStarted"/>, <see cref="RunsFailed"/>,
/// <see cref="StartLagTotal"/>, <see cref="CommittedBatches"/>) count from the server's start; the status probe
/// turns them into figures over its interval.
/// </summary>
public sealed record ServerStatus
{
    /// <summary>Why the store could not be read just now, or null when it could.</summary>
    public string? StoreError { get; init; }

    /// <summary>The store's size in bytes (0 when it could not be read).</summary>
    public long StoreSizeBytes { get; init; }

    /// <summary>Workflow runs started and not finished, those waiting for a slot included.</summary>
    public int RunsInProgress { get; init; }

    /// <summary>How many runs may be in progress at once.</summary>
    public int RunCapacity { get; init; }

    public long RunsStarted { get; init; }

    /// <summary>Runs that ended with a module's exception or a timeout.</summary>
    public long RunsFailed { get; init; }

    /// <summary>The sum over started runs of how late each started (from its due time to getting a slot).</summary>
    public TimeSpan StartLagTotal { get; init; }

    /// <summary>The operations loop's last commit failure while it retries, or null.</summary>
    public string? CommitFailure { get; init; }

    public long CommittedBatches { get; init; }
}
