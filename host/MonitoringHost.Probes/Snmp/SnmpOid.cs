using System.Globalization;

namespace MonitoringHost.Probes.Snmp;

/// <summary>Dotted object identifiers: checked, compared in MIB order (sub-identifier by sub-identifier), nested.</summary>
public static class SnmpOid
{
    /// <summary>The dotted OID without a leading dot; throws <see cref="ArgumentException"/> naming the bad part.</summary>
    public static string Normalize(string oid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oid);
        var text = oid.StartsWith('.') ? oid[1..] : oid;
        var parts = text.Split('.');
        if (parts.Length < 2)
        {
            throw new ArgumentException($"'{oid}' is not an object identifier: it needs at least two sub-identifiers", nameof(oid));
        }

        foreach (var part in parts)
        {
            if (!uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new ArgumentException($"'{oid}' is not an object identifier: '{part}' is not a sub-identifier (0 to 4294967295); use numeric OIDs", nameof(oid));
            }
        }

        return text;
    }

    /// <summary>True when <paramref name="oid"/> lies below <paramref name="root"/> (not the root itself).</summary>
    public static bool IsUnder(string oid, string root) =>
        oid.Length > root.Length + 1 && oid[root.Length] == '.' && oid.StartsWith(root, StringComparison.Ordinal);

    /// <summary>The sub-identifiers after <paramref name="root"/>, dotted ("2.1" below "1.3.6.1.2.1.2.2.1").</summary>
    public static string Suffix(string oid, string root) => oid[(root.Length + 1)..];

    /// <summary>MIB order: negative when <paramref name="left"/> comes first.</summary>
    public static int Compare(string left, string right)
    {
        var l = left.AsSpan();
        var r = right.AsSpan();
        while (true)
        {
            if (l.IsEmpty || r.IsEmpty)
            {
                return l.IsEmpty ? (r.IsEmpty ? 0 : -1) : 1;
            }

            var li = l.IndexOf('.');
            var ri = r.IndexOf('.');
            var lp = uint.Parse(li < 0 ? l : l[..li], NumberStyles.None, CultureInfo.InvariantCulture);
            var rp = uint.Parse(ri < 0 ? r : r[..ri], NumberStyles.None, CultureInfo.InvariantCulture);
            if (lp != rp)
            {
                return lp.CompareTo(rp);
            }

            l = li < 0 ? [] : l[(li + 1)..];
            r = ri < 0 ? [] : r[(ri + 1)..];
        }
    }
}
