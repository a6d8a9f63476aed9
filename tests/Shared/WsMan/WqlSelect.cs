using System.Text.RegularExpressions;

namespace MonitoringHost.Tests.Shared.WsMan;

/// <summary>
/// The WQL the test endpoint understands: <c>SELECT * | P1, P2… FROM Class [WHERE P = 'v' [AND|OR P = 'v' …]]</c>,
/// equality only, AND binding tighter than OR, string comparisons case-insensitive as in WMI. A property list is a
/// projection (<see cref="Properties"/>), answered as Windows does with <c>w:XmlFragment</c> items.
/// </summary>
internal sealed partial record WqlSelect(string ClassName, IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> AnyOf)
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

        var anyOf = new List<IReadOnlyList<KeyValuePair<string, string>>>();
        foreach (var disjunct in Or().Split(match.Groups["where"].Value))
        {
            var allOf = new List<KeyValuePair<string, string>>();
            foreach (var condition in And().Split(disjunct))
            {
                var equality = Equality().Match(condition);
                if (!equality.Success)
                {
                    return null;
                }

                var value = equality.Groups["quoted"].Success ? equality.Groups["quoted"].Value : equality.Groups["bare"].Value;
                allOf.Add(new(equality.Groups["name"].Value, value));
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
            string.Equals(p.Key, condition.Key, StringComparison.OrdinalIgnoreCase)
            && string.Equals(WsManTestXml.Text(p.Value), condition.Value, StringComparison.OrdinalIgnoreCase))));

    [GeneratedRegex(@"^\s*SELECT\s+(?<properties>\*|[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s+FROM\s+(?<class>[A-Za-z_]\w*)(?:\s+WHERE\s+(?<where>.+?))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Select();

    [GeneratedRegex(@"\s+OR\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Or();

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex And();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_]\w*)\s*=\s*(?:'(?<quoted>[^']*)'|(?<bare>[\w.]+))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Equality();
}
