using System.Collections.Frozen;

namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// The values of an enum field: the named ones (names case-insensitive) and the range of numbers a criteria may give
/// (resolution states take 0–255 whether named or not).
/// </summary>
public sealed class CriteriaEnum
{
    private readonly FrozenDictionary<string, int> _values;

    public CriteriaEnum(IEnumerable<KeyValuePair<string, int>> names, int minimum, int maximum)
    {
        ArgumentNullException.ThrowIfNull(names);
        _values = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Minimum = minimum;
        Maximum = maximum;
    }

    public int Minimum { get; }

    public int Maximum { get; }

    /// <summary>Enum values numbered from 0 in the order given (Information, Warning, Error).</summary>
    public static CriteriaEnum Sequence(params string[] names) =>
        new(names.Select((name, i) => KeyValuePair.Create(name, i)), 0, names.Length - 1);

    public bool TryGetValue(string name, out int value) => _values.TryGetValue(name, out value);

    /// <summary>The names and numbers, as a message lists them.</summary>
    public string Describe() =>
        string.Join(", ", _values.OrderBy(v => v.Value).Select(v => $"{v.Key} ({v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)})"));
}
