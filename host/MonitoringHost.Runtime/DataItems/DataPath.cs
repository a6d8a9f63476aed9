using System.Collections.Immutable;
using System.Globalization;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// The XPath forms packs use to read a data item, relative to its <c>DataItem</c> root and parsed once:
/// element steps (<c>Values/Free</c>), an attribute predicate (<c>Property[@Name='x']</c>), a child element predicate
/// (<c>SnmpVarBind[OID='.1.3.6.1.2.1.1.5.0']</c>: the step's element whose child has that text), a 1-based position
/// (<c>Params/Param[1]</c>), a final attribute step (<c>@time</c>), <c>*[local-name()='Name']</c> for an element
/// whatever its namespace, and <c>//</c> before a step to look for it at any depth (<c>//*[local-name()="StdOut"]</c>,
/// as the UNIX shell-command packs read their output). A leading <c>/DataItem/</c> or <c>DataItem/</c> is dropped.
/// Data items answer these without building a document per item.
/// </summary>
public sealed class DataPath : IEquatable<DataPath>
{
    private DataPath(string text, ImmutableArray<DataPathStep> steps)
    {
        Text = text;
        Steps = steps;
        HasChildPredicate = steps.Any(s => s.ChildName is not null);
    }

    /// <summary>Whether a step has a <c>[Child='value']</c> predicate.</summary>
    public bool HasChildPredicate { get; }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    public ImmutableArray<DataPathStep> Steps { get; }

    /// <summary>The first step's name (<c>Property</c>, <c>EventDisplayNumber</c>…).</summary>
    public string First => Steps[0].Name;

    /// <summary>Whether a step is reached through <c>//</c> (any depth), such as <c>//*[local-name()="StdOut"]</c>.</summary>
    public bool HasDescendant => Steps.Any(s => s.IsDescendant);

    /// <summary>Parses <paramref name="xpath"/>; a form outside the supported subset throws <see cref="FormatException"/> saying where.</summary>
    public static DataPath Parse(string xpath)
    {
        ArgumentNullException.ThrowIfNull(xpath);
        var text = xpath.Trim();
        var body = text.StartsWith('/') ? text[1..] : text;
        if (body.StartsWith("DataItem/", StringComparison.Ordinal))
        {
            body = body["DataItem/".Length..];
        }

        if (body.Length == 0 || body == "/")
        {
            throw new FormatException($"the data path '{xpath}' is empty");
        }

        var steps = ImmutableArray.CreateBuilder<DataPathStep>();
        foreach (var (part, descendant) in Split(body, xpath))
        {
            steps.Add(ParseStep(part, xpath) with { IsDescendant = descendant });
        }

        for (var i = 0; i < steps.Count - 1; i++)
        {
            if (steps[i].IsAttribute)
            {
                throw new FormatException($"in the data path '{xpath}' the attribute step '@{steps[i].Name}' must come last");
            }
        }

        if (steps[^1] is { IsAttribute: true, IsDescendant: true })
        {
            throw new FormatException($"in the data path '{xpath}' '//@{steps[^1].Name}' is not supported (name the element: '//Element/@{steps[^1].Name}')");
        }

        return new DataPath(text, steps.ToImmutable());
    }

    public static bool TryParse(string xpath, out DataPath? path, out string? problem)
    {
        try
        {
            (path, problem) = (Parse(xpath), null);
            return true;
        }
        catch (FormatException e)
        {
            (path, problem) = (null, e.Message);
            return false;
        }
    }

    public bool Equals(DataPath? other) => other is not null && Steps.SequenceEqual(other.Steps);

    public override bool Equals(object? obj) => Equals(obj as DataPath);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var step in Steps)
        {
            hash.Add(step);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => Text;

    // Splits on '/' outside predicates and quotes; a step after '//' is a descendant step.
    private static List<(string Part, bool Descendant)> Split(string body, string xpath)
    {
        var parts = new List<string>();
        var depth = 0;
        char? quote = null;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (c == '/' && depth == 0)
            {
                parts.Add(body[start..i]);
                start = i + 1;
            }
        }

        if (quote is not null || depth != 0)
        {
            throw new FormatException($"the data path '{xpath}' has an unclosed {(quote is not null ? "quote" : "bracket")}");
        }

        parts.Add(body[start..]);
        var steps = new List<(string, bool)>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            // One empty part between two slashes is '//': the next step is searched at any depth.
            var descendant = i > 0 && parts[i - 1].Length == 0;
            if (parts[i].Length == 0 && (i == parts.Count - 1 || descendant))
            {
                throw new FormatException($"the data path '{xpath}' has an empty step ('///' and a trailing '/' are not supported)");
            }

            if (parts[i].Length > 0)
            {
                steps.Add((parts[i], descendant));
            }
        }

        return steps;
    }

    private static DataPathStep ParseStep(string part, string xpath)
    {
        if (part.StartsWith('@'))
        {
            return new DataPathStep(Name(part[1..], xpath), null, null, 0, IsAttribute: true);
        }

        var open = part.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return new DataPathStep(Name(part, xpath), null, null, 0, IsAttribute: false);
        }

        if (!part.EndsWith(']'))
        {
            throw new FormatException($"in the data path '{xpath}' the step '{part}' has text after its predicate");
        }

        var predicate = part[(open + 1)..^1].Trim();
        if (part[..open].Trim() == "*")
        {
            // *[local-name()="Name"]: an element by its name whatever its namespace (prefixes are ignored anyway).
            return LocalName(predicate) is { } localName
                ? new DataPathStep(Name(localName, xpath), null, null, 0, IsAttribute: false)
                : throw new FormatException($"in the data path '{xpath}' the step '{part}' is not supported (use *[local-name()='Name'])");
        }

        var name = Name(part[..open], xpath);
        if (int.TryParse(predicate, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position > 0)
        {
            return new DataPathStep(name, null, null, position, IsAttribute: false);
        }

        // [@Name='value'] or [@Name="value"]
        var equals = predicate.IndexOf('=', StringComparison.Ordinal);
        if (predicate.StartsWith('@') && equals > 1)
        {
            var attribute = Name(predicate[1..equals].Trim(), xpath);
            var value = predicate[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] is '\'' or '"') && value[^1] == value[0])
            {
                return new DataPathStep(name, attribute, value[1..^1], 0, IsAttribute: false);
            }
        }

        // [Child='value'] or [Child="value"]
        if (equals > 0 && !predicate.StartsWith('@'))
        {
            var child = Name(predicate[..equals].Trim(), xpath);
            var value = predicate[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] is '\'' or '"') && value[^1] == value[0])
            {
                return new DataPathStep(name, null, null, 0, IsAttribute: false) { ChildName = child, ChildValue = value[1..^1] };
            }
        }

        throw new FormatException($"in the data path '{xpath}' the predicate [{predicate}] is not supported (use [@Attribute='value'], [Child='value'] or a position such as [1])");
    }

    private static string? LocalName(string predicate)
    {
        const string Function = "local-name()";
        if (!predicate.StartsWith(Function, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = predicate[Function.Length..].TrimStart();
        if (!rest.StartsWith('='))
        {
            return null;
        }

        var value = rest[1..].Trim();
        return value.Length >= 2 && (value[0] is '\'' or '"') && value[^1] == value[0] ? value[1..^1] : null;
    }

    private static string Name(string text, string xpath)
    {
        var name = text.Trim();
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        name = colon >= 0 ? name[(colon + 1)..] : name; // namespace prefixes are ignored
        if (name.Length == 0 || !name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new FormatException($"in the data path '{xpath}' '{text}' is not an element or attribute name");
        }

        return name;
    }
}

/// <summary>
/// One step of a <see cref="DataPath"/>: an element name, optionally with an attribute predicate, a child element
/// predicate (<see cref="ChildName"/> = <see cref="ChildValue"/>) or a 1-based position (0: none); or, last, an
/// attribute. <see cref="IsDescendant"/>: the step came after <c>//</c>, so the element is looked for at any depth
/// below the previous step (XPath's <c>descendant-or-self::node()/</c>).
/// </summary>
public readonly record struct DataPathStep(string Name, string? AttributeName, string? AttributeValue, int Position, bool IsAttribute, bool IsDescendant = false)
{
    /// <summary>The child element a <c>[Child='value']</c> predicate compares, or null.</summary>
    public string? ChildName { get; init; }

    /// <summary>The text that child must have.</summary>
    public string? ChildValue { get; init; }
}
