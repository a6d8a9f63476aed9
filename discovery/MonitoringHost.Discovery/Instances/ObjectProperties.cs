using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MonitoringHost.Discovery.Instances;

/// <summary>
/// An object's property values: an immutable map from property ID to invariant text, kept as two sorted arrays so
/// that a million objects stay small (names are shared strings from the class model).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Named after what it is: an object's properties.")]
public sealed class ObjectProperties : IReadOnlyDictionary<string, string>
{
    public static readonly ObjectProperties Empty = new([], []);

    private readonly string[] _names;
    private readonly string[] _values;

    private ObjectProperties(string[] names, string[] values)
    {
        _names = names;
        _values = values;
    }

    public static ObjectProperties From(IEnumerable<KeyValuePair<string, string>> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1].Key, sorted[i].Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"the property '{sorted[i].Key}' is given twice", nameof(values));
            }
        }

        if (sorted.Length == 0)
        {
            return Empty;
        }

        var names = new string[sorted.Length];
        var texts = new string[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            names[i] = string.IsInterned(sorted[i].Key) ?? sorted[i].Key;
            texts[i] = sorted[i].Value;
        }

        return new ObjectProperties(names, texts);
    }

    public int Count => _names.Length;

    public IEnumerable<string> Keys => _names;

    public IEnumerable<string> Values => _values;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.BinarySearch(_names, key, StringComparer.Ordinal) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = Array.BinarySearch(_names, key, StringComparer.Ordinal);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public ObjectProperties With(string name, string value) =>
        From(this.Where(p => p.Key != name).Append(new KeyValuePair<string, string>(name, value)));

    public bool SameAs(ObjectProperties other) =>
        _names.AsSpan().SequenceEqual(other._names) && _values.AsSpan().SequenceEqual(other._values);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            yield return new KeyValuePair<string, string>(_names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
