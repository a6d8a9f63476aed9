using System.Collections.Immutable;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// A set of items one module outputs in one delivery (SCOM's batch): a sample per instance of a multi-instance
/// counter read, a property bag per row a provider returned, or none at all when the source looked and found
/// nothing. Set-aware modules (<c>System.LogicalSet.ExpressionFilter</c>) judge it as a whole; every other module is
/// given its items one by one, and what it outputs for them travels on as one set again. Immutable, as its items are.
/// </summary>
public sealed class DataItemSet
{
    public DataItemSet(DateTimeOffset time, IEnumerable<DataItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Time = time;
        Items = [.. items];
        if (Items.Contains(null!))
        {
            throw new ArgumentException("a set holds items, not nulls", nameof(items));
        }
    }

    /// <summary>When the set was made: an empty set has no item to say it.</summary>
    public DateTimeOffset Time { get; }

    public ImmutableArray<DataItem> Items { get; }

    public int Count => Items.Length;

    /// <summary>
    /// The item a monitor state change is put down to when the set reaches a detection: its first item, or for an
    /// empty set (a filter let it through) a <see cref="TriggerData"/> carrying nothing but the set's time.
    /// </summary>
    public DataItem Cause => Count > 0 ? Items[0] : new TriggerData(Time);

    /// <summary>
    /// The set's XML form is its <see cref="Cause"/>'s: a set stands for one detection, and what reads the form back
    /// (an alert's <c>$Data/Context/…$</c> parameters) reads one item, as it does when an item arrives on its own.
    /// </summary>
    public string ToXml() => Cause.ToXml();

    /// <summary>An item delivered on its own, as a set-aware module sees it: a set of one.</summary>
    public static DataItemSet Of(DataItem item) => new(item?.Time ?? throw new ArgumentNullException(nameof(item)), [item]);

    public override string ToString() => $"set of {Count} at {Time:O}";
}
