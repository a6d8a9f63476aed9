using System.Buffers.Binary;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Storage.Sqlite;

/// <summary>
/// Puts rows in their primary key's order before they are written: SQLite then fills its B-tree pages in sequence
/// instead of splitting pages all over it, which leaves fuller pages and far fewer of them to write and sync.
/// Ids are compared as SQLite compares their BLOBs (bytewise, in .NET Guid byte order).
/// </summary>
internal static class KeyOrder
{
    public static IReadOnlyList<T> ById<T>(IReadOnlyList<T> rows, Func<T, Guid> id)
    {
        if (rows.Count < 2)
        {
            return rows;
        }

        var sorted = rows.ToArray();
        var keys = new UInt128[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            keys[i] = Key(id(sorted[i]));
        }

        Array.Sort(keys, sorted);
        return sorted;
    }

    /// <summary>Claims by (source, kind, item id): the claims table's key.</summary>
    public static IReadOnlyList<Claim> Claims(IReadOnlyList<Claim> claims)
    {
        if (claims.Count < 2)
        {
            return claims;
        }

        var sorted = claims.ToArray();
        var keys = new ClaimKey[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            keys[i] = new ClaimKey(sorted[i].Source, (long)sorted[i].Kind, Key(sorted[i].ItemId));
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
}
