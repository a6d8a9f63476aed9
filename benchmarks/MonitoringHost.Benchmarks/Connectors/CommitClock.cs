using System.Collections.Concurrent;
using MonitoringHost.Storage;

namespace MonitoringHost.Benchmarks.Connectors;

/// <summary>
/// When each alert change became durable, as seen in the server's process: woken by the store's feed signal (raised
/// once a commit returned), it stamps the entries that commit appended with the time it woke. The stamp is late by
/// the time the wake-up takes to be scheduled, never early by more than one read of the feed.
/// </summary>
internal sealed class CommitClock : IAsyncDisposable
{
    private readonly InstanceStore _store;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, DateTime> _committed = new();
    private readonly Task _loop;
    private long _after;

    private CommitClock(InstanceStore store, long head)
    {
        _store = store;
        _loop = Task.Run(() => RunAsync(head));
    }

    public static async Task<CommitClock> StartAsync(InstanceStore store) =>
        new(store, await store.ReadFeedHeadAsync(CancellationToken.None));

    /// <summary>Waits until the clock has stamped every change committed so far (a consumer can be faster than it).</summary>
    public async Task SettleAsync()
    {
        var head = await _store.ReadFeedHeadAsync(CancellationToken.None);
        while (Volatile.Read(ref _after) < head)
        {
            await Task.Delay(5);
        }
    }

    /// <summary>When the change at <paramref name="sequence"/> was seen committed.</summary>
    public DateTime this[long sequence] =>
        _committed.TryGetValue(sequence, out var time) ? time : throw new InvalidOperationException($"the commit of change {sequence} was not seen");

    private async Task RunAsync(long after)
    {
        var stopped = Task.Delay(Timeout.Infinite, _stop.Token);
        var next = _store.Feed.Next;
        while (true)
        {
            await Task.WhenAny(next, stopped);
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            var now = DateTime.UtcNow;
            next = _store.Feed.Next;
            IReadOnlyList<Discovery.Storage.ChangeFeedEntry> entries;
            do
            {
                entries = await _store.ReadFeedAsync(after, 1_000, CancellationToken.None);
                foreach (var entry in entries)
                {
                    _committed[entry.Sequence] = now;
                    after = entry.Sequence;
                    Volatile.Write(ref _after, after);
                }
            }
            while (entries.Count > 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
