namespace MonitoringHost.Storage;

/// <summary>How <see cref="CollectedDataStore"/> buffers and batches what collection rules hand it.</summary>
public sealed record CollectedDataOptions
{
    /// <summary>Items accepted but not yet written, at most; past that <see cref="CollectedDataStore.Collect"/> refuses.</summary>
    public int Capacity { get; init; } = 10_000;

    /// <summary>Items written per transaction, at most.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>The longest wait between attempts to write a batch the database refused (the wait doubles from 1/16 of it).</summary>
    public TimeSpan MaximumRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaximumRetryDelay, TimeSpan.Zero);
    }
}
