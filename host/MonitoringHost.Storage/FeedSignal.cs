namespace MonitoringHost.Storage;

/// <summary>
/// Tells readers of the change feed that this process committed new entries, so that a connector, a webhook sender
/// or an event stream waiting at the feed's head wakes at once instead of polling. Take <see cref="Next"/> before
/// reading the feed and await it once the read came back empty: a commit between the read and the wait still wakes
/// the reader. Commits made by other processes on a shared store are not seen: readers wait with a timeout.
/// </summary>
public sealed class FeedSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next commit that appends to the change feed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Wakes every reader waiting on <see cref="Next"/>.</summary>
    public void Raise() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Waits for <paramref name="next"/> (taken from <see cref="Next"/> before the read that found nothing) or for
    /// <paramref name="timeout"/>, whichever comes first; true when a commit came.
    /// </summary>
    public static async Task<bool> WaitAsync(Task next, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var delay = Task.Delay(timeout, cancellationToken);
        var first = await Task.WhenAny(next, delay).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == next;
    }
}
