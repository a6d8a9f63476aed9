using System.Globalization;

namespace MonitoringHost.Probes.WsMan;

/// <summary>
/// One CIM instance as a property bag. WS-Man instance XML carries no scalar types, so a scalar is its text as sent
/// (<c>"true"</c>, <c>"1077"</c>, <c>"Running"</c>); the typed accessors read it invariantly. What the XML does type
/// is typed: a datetime is a <see cref="DateTimeOffset"/>, an interval a <see cref="TimeSpan"/>, a reference a
/// <see cref="CimReference"/>, a NULL (<c>xsi:nil</c>) is null, and a property sent more than once is an array
/// (<see cref="IReadOnlyList{T}"/> of those values). Property names are case-insensitive, as in WMI.
/// </summary>
public sealed record CimInstance(string ClassName, IReadOnlyDictionary<string, object?> Properties)
{
    public object? this[string name] => Properties.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => Properties.ContainsKey(name);

    public string? GetString(string name) => this[name] switch
    {
        null => null,
        string text => text,
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan interval => interval.ToString("c", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    public bool? GetBoolean(string name) => GetString(name) is { } text ? bool.Parse(text) : null;

    public long? GetInt64(string name) => GetString(name) is { } text ? long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public ulong? GetUInt64(string name) => GetString(name) is { } text ? ulong.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public DateTimeOffset? GetDateTime(string name) => this[name] as DateTimeOffset?;

    /// <summary>An array property's values as text; a single value (a one-element array looks like a scalar) as one.</summary>
    public IReadOnlyList<string?> GetStrings(string name) => this[name] switch
    {
        null => [],
        IReadOnlyList<object?> values => [.. values.Select(v => v?.ToString())],
        var single => [GetString(name)],
    };
}
