using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MonitoringHost.Discovery.Instances;

/// <summary>
/// An object's property values: an immutable map from property ID to invariant text, kept as two sorted arrays so
/// that a million objects stay small (names are the class model's strings, shared by every object).
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
        var pairs = values.ToArray();
        var names = new string[pairs.Length];
        var texts = new string[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            (names[i], texts[i]) = (pairs[i].Key, pairs[i].Value);
        }

        Array.Sort(names, texts, StringComparer.Ordinal);
        for (var i = 1; i < names.Length; i++)
        {
            if (string.Equals(names[i - 1], names[i], StringComparison.Ordinal))
            {
                throw new ArgumentException($"the property '{names[i]}' is given twice", nameof(values));
            }
        }

        return names.Length == 0 ? Empty : new ObjectProperties(names, texts);
    }

    /// <summary>The values that are not null; names are unique already.</summary>
    internal static ObjectProperties FromValues(IReadOnlyDictionary<string, string?> values)
    {
        var count = 0;
        foreach (var pair in values)
        {
            count += pair.Value is null ? 0 : 1;
        }

        if (count == 0)
        {
            return Empty;
        }

        var names = new string[count];
        var texts = new string[count];
        var i = 0;
        foreach (var (name, value) in values)
        {
            if (value is not null)
            {
                (names[i], texts[i]) = (name, value);
                i++;
            }
        }

        Array.Sort(names, texts, StringComparer.Ordinal);
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
