using System.Buffers.Binary;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Health;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>
/// Puts rows in their primary key's order before they are written: SQLite then fills its B-tree pages in sequence
/// instead of splitting pages all over it, which leaves fuller pages and far fewer of them to write and sync.
/// Ids are compared as SQLite compares their BLOBs (bytewise, in .NET Guid byte order).
/// </summary>
internal static class KeyOrder
{
    public static IReadOnlyList<T> ById<T>(IReadOnlyList<T> rows, Func<T, Guid> id) => Sort(rows, row => Key(id(row)));

    /// <summary>Claims by (source, kind, item id): the claims table's key.</summary>
    public static IReadOnlyList<Claim> Claims(IReadOnlyList<Claim> claims) =>
        Sort(claims, c => new ClaimKey(c.Source, (long)c.Kind, Key(c.ItemId)));

    /// <summary>Monitor states by (object id, monitor id): the monitor_states table's key.</summary>
    public static IReadOnlyList<MonitorStateRecord> MonitorStates(IReadOnlyList<MonitorStateRecord> states) =>
        Sort(states, s => new StateKey(Key(s.ObjectId), s.MonitorId));

    private static IReadOnlyList<T> Sort<T, TKey>(IReadOnlyList<T> rows, Func<T, TKey> key)
    {
        if (rows.Count < 2)
        {
            return rows;
        }

        var sorted = rows.ToArray();
        var keys = new TKey[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            keys[i] = key(sorted[i]);
        }

        Array.Sort(keys, sorted);
        return sorted;
    }

    private static UInt128 Key(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private readonly record struct ClaimKey(string Source, long Kind, UInt128 Item) : IComparable<ClaimKey>
    {
        public int CompareTo(ClaimKey other)
        {
            var bySource = string.CompareOrdinal(Source, other.Source);
            return bySource != 0 ? bySource : Kind != other.Kind ? Kind.CompareTo(other.Kind) : Item.CompareTo(other.Item);
        }
    }

    private readonly record struct StateKey(UInt128 Object, string Monitor) : IComparable<StateKey>
    {
        public int CompareTo(StateKey other)
        {
            var byObject = Object.CompareTo(other.Object);
            return byObject != 0 ? byObject : string.CompareOrdinal(Monitor, other.Monitor);
        }
    }
}
