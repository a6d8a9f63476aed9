using System.Text.Json;

namespace MonitoringHost.Benchmarks.Connectors;

/// <summary>An alert change as a consumer got it, and when (UTC wall clock, as the samples' sending is timed).</summary>
internal sealed record Arrival(Guid AlertId, Guid ObjectId, string Change, int ResolutionState, long Sequence, DateTime Received);

/// <summary>The alert changes a consumer (webhook receiver or pull client) got, in the order it got them.</summary>
internal sealed class Arrivals
{
    private readonly List<Arrival> _items = [];
    private readonly List<(DateTime Received, int Items)> _batches = [];
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Records the <c>items</c> of a batch or page received at <paramref name="received"/>.</summary>
    public void Add(JsonElement items, DateTime received)
    {
        var read = items.EnumerateArray().Select(i => new Arrival(
            i.GetProperty("id").GetGuid(),
            i.GetProperty("monitoringObjectId").GetGuid(),
            i.GetProperty("change").GetString()!,
            i.GetProperty("resolutionState").GetInt32(),
            i.GetProperty("changeSeq").GetInt64(),
            received)).ToList();
        TaskCompletionSource added;
        lock (_items)
        {
            _items.AddRange(read);
            if (read.Count > 0)
            {
                _batches.Add((received, read.Count));
            }

            added = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        added.TrySetResult();
    }

    /// <summary>What was received so far, and the batches (or pages) it came in; forgets them.</summary>
    public (List<Arrival> Items, List<(DateTime Received, int Items)> Batches) Take()
    {
        lock (_items)
        {
            var taken = (_items.ToList(), _batches.ToList());
            _items.Clear();
            _batches.Clear();
            return taken;
        }
    }

    /// <summary>Waits until <paramref name="count"/> changes were received (or fails after <paramref name="timeout"/>).</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task added;
            lock (_items)
            {
                if (_items.Count >= count)
                {
                    return;
                }

                added = _added.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(added, Task.Delay(left)) != added)
            {
                throw new TimeoutException($"{Count} of {count} alert changes received after {timeout.TotalSeconds:0} s");
            }
        }
    }
}
