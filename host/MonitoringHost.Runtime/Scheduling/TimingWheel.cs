namespace MonitoringHost.Runtime.Scheduling;

/// <summary>
/// A hashed timing wheel: items fall into slots of <see cref="Resolution"/>; advancing the wheel to a time returns
/// every item due by then. Adding and taking an item cost O(1) whatever the number scheduled; an item due more than
/// one turn ahead waits in its slot and is skipped until its turn. Not thread-safe: the owner serializes access.
/// </summary>
public sealed class TimingWheel<T>
{
    private readonly List<Entry>[] _slots;
    private long _position; // the next slot tick (in resolution units since the epoch) not yet taken

    public TimingWheel(TimeSpan resolution, int slots, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resolution, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 2);
        Resolution = resolution;
        _slots = new List<Entry>[slots];
        for (var i = 0; i < slots; i++)
        {
            _slots[i] = [];
        }

        _position = Tick(start);
    }

    public TimeSpan Resolution { get; }

    public int Count { get; private set; }

    /// <summary>
    /// Schedules <paramref name="item"/> for <paramref name="due"/>: it is taken by the first advance to a time at or
    /// after <paramref name="due"/> rounded up to the resolution (never early); a time already passed is due at once.
    /// </summary>
    public void Add(T item, DateTimeOffset due)
    {
        var tick = Math.Max(CeilingTick(due), _position);
        _slots[tick % _slots.Length].Add(new Entry(item, tick));
        Count++;
    }

    /// <summary>Moves the wheel to <paramref name="now"/>, adding every item due by then to <paramref name="due"/>.</summary>
    public void Advance(DateTimeOffset now, List<T> due)
    {
        ArgumentNullException.ThrowIfNull(due);
        var target = Tick(now);

        // After a long pause, one turn visits every slot once.
        var last = Math.Min(target, _position + _slots.Length - 1);
        for (var tick = _position; tick <= last; tick++)
        {
            var slot = _slots[tick % _slots.Length];
            var kept = 0;
            for (var i = 0; i < slot.Count; i++)
            {
                var entry = slot[i];
                if (entry.Tick <= target)
                {
                    due.Add(entry.Item);
                    Count--;
                }
                else
                {
                    slot[kept++] = entry;
                }
            }

            slot.RemoveRange(kept, slot.Count - kept);
        }

        _position = Math.Max(_position, target + 1);
    }

    /// <summary>When the next slot that holds anything falls due, or null when the wheel is empty.</summary>
    public DateTimeOffset? NextDue()
    {
        if (Count == 0)
        {
            return null;
        }

        var earliest = long.MaxValue;
        foreach (var slot in _slots)
        {
            foreach (var entry in slot)
            {
                earliest = Math.Min(earliest, entry.Tick);
            }
        }

        return DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(earliest * Resolution.Ticks);
    }

    private long Tick(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks / Resolution.Ticks;

    private long CeilingTick(DateTimeOffset time) => ((time - DateTimeOffset.UnixEpoch).Ticks + Resolution.Ticks - 1) / Resolution.Ticks;

    private readonly record struct Entry(T Item, long Tick);
}
