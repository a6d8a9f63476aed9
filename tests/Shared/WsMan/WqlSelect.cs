using System.Text.RegularExpressions;

namespace MonitoringHost.Tests.Shared.WsMan;

/// <summary>
/// The WQL the test endpoint understands: <c>SELECT * | P1, P2… FROM Class [WHERE P = 'v' [AND|OR P = 'v' …]]</c>,
/// equality, and the orderings <c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c> (datetimes in DMTF form
/// <c>yyyyMMddHHmmss.ffffff+000</c> compared as times, numbers as numbers), AND binding tighter than OR, string
/// comparisons case-insensitive as in WMI, <c>\\</c> in a quoted value one backslash as in WMI. A property list is a
/// projection (<see cref="Properties"/>), answered as Windows does with <c>w:XmlFragment</c> items.
/// </summary>
internal sealed partial record WqlSelect(string ClassName, IReadOnlyList<IReadOnlyList<WqlCondition>> AnyOf)
{
    /// <summary>The properties a projection selects; null for <c>SELECT *</c>.</summary>
    public IReadOnlyList<string>? Properties { get; init; }

    public static WqlSelect? Parse(string wql)
    {
        var match = Select().Match(wql);
        if (!match.Success)
        {
            return null;
        }

        var list = match.Groups["properties"].Value.Trim();
        IReadOnlyList<string>? properties = list == "*" ? null : [.. list.Split(',', StringSplitOptions.TrimEntries)];
        if (!match.Groups["where"].Success)
        {
            return new WqlSelect(match.Groups["class"].Value, []) { Properties = properties };
        }

        var anyOf = new List<IReadOnlyList<WqlCondition>>();
        foreach (var disjunct in Or().Split(match.Groups["where"].Value))
        {
            var allOf = new List<WqlCondition>();
            foreach (var condition in And().Split(disjunct))
            {
                var equality = Equality().Match(condition);
                if (!equality.Success)
                {
                    return null;
                }

                var value = equality.Groups["quoted"].Success ? equality.Groups["quoted"].Value.Replace(@"\\", @"\", StringComparison.Ordinal) : equality.Groups["bare"].Value;
                allOf.Add(new(equality.Groups["name"].Value, equality.Groups["operator"].Value, value));
            }

            anyOf.Add(allOf);
        }

        return new WqlSelect(match.Groups["class"].Value, anyOf) { Properties = properties };
    }

    /// <summary>What a projection keeps of <paramref name="properties"/> (all of them for <c>SELECT *</c>).</summary>
    public IEnumerable<KeyValuePair<string, object?>> Project(IReadOnlyList<KeyValuePair<string, object?>> properties) =>
        Properties is null ? properties : properties.Where(p => Properties.Contains(p.Key, StringComparer.OrdinalIgnoreCase));

    public bool Matches(IReadOnlyList<KeyValuePair<string, object?>> properties) =>
        AnyOf.Count == 0 || AnyOf.Any(allOf => allOf.All(condition => properties.Any(p =>
            string.Equals(p.Key, condition.Name, StringComparison.OrdinalIgnoreCase) && condition.Holds(p.Value))));

    [GeneratedRegex(@"^\s*SELECT\s+(?<properties>\*|[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s+FROM\s+(?<class>[A-Za-z_]\w*)(?:\s+WHERE\s+(?<where>.+?))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Select();

    [GeneratedRegex(@"\s+OR\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Or();

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex And();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_]\w*)\s*(?<operator>>=|<=|>|<|=)\s*(?:'(?<quoted>[^']*)'|(?<bare>[\w.]+))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Equality();
}

/// <summary>One comparison of a WHERE clause: <c>Name Operator 'Value'</c>.</summary>
internal sealed record WqlCondition(string Name, string Operator, string Value)
{
    public bool Holds(object? value)
    {
        if (Operator == "=")
        {
            return string.Equals(WsManTestXml.Text(value), Value, StringComparison.OrdinalIgnoreCase);
        }

        int? order = value switch
        {
            DateTimeOffset time when DateTimeOffset.TryParseExact(Value.Length > 21 ? Value[..21] : Value, "yyyyMMddHHmmss.ffffff", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var given) => time.CompareTo(given),
            IConvertible number when value is not string && decimal.TryParse(Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var given) => Convert.ToDecimal(number, System.Globalization.CultureInfo.InvariantCulture).CompareTo(given),
            string text => string.Compare(text, Value, StringComparison.OrdinalIgnoreCase),
            _ => null,
        };
        return order is { } o && Operator switch
        {
            ">=" => o >= 0,
            ">" => o > 0,
            "<=" => o <= 0,
            _ => o < 0,
        };
    }
}
