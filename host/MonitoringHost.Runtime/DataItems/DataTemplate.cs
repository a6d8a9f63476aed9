using System.Collections.Immutable;
using System.Text;

namespace MonitoringHost.Runtime.DataItems;

/// <summary>
/// Text with <c>$Data/…$</c> tokens, filled from each data item: <c>$Data/Property[@Name='Result']$</c>,
/// <c>$Data/Params/Param[1]$</c>, <c>$Data[Default='n/a']/EventDescription$</c> (the default when the path selects
/// nothing; otherwise nothing selected gives empty text). <c>$$</c> is a literal <c>$</c>; any other token is left as
/// written (the compiler replaced the others before the module was made). Parsed once per configuration value.
/// </summary>
public sealed class DataTemplate
{
    private readonly ImmutableArray<Segment> _segments;

    private DataTemplate(string text, ImmutableArray<Segment> segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    /// <summary>Whether the text has any <c>$Data</c> token (without one, <see cref="Render"/> always gives the same text).</summary>
    public bool UsesData => _segments.Any(s => s.Path is not null);

    /// <summary>Parses <paramref name="text"/>; a malformed <c>$Data</c> path throws <see cref="FormatException"/> saying which.</summary>
    public static DataTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = ImmutableArray.CreateBuilder<Segment>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var dollar = text.IndexOf('$', i);
            if (dollar < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            literal.Append(text, i, dollar - i);
            if (dollar + 1 < text.Length && text[dollar + 1] == '$')
            {
                literal.Append('$');
                i = dollar + 2;
                continue;
            }

            var end = text.IndexOf('$', dollar + 1);
            var token = end < 0 ? null : text[(dollar + 1)..end];
            if (token is null || !(token.StartsWith("Data/", StringComparison.Ordinal) || token.StartsWith("Data[", StringComparison.Ordinal)))
            {
                // Not a data token: kept as written.
                literal.Append('$');
                i = dollar + 1;
                continue;
            }

            if (literal.Length > 0)
            {
                segments.Add(new Segment(literal.ToString(), null, null));
                literal.Clear();
            }

            segments.Add(ParseToken(token));
            i = end + 1;
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), null, null));
        }

        return new DataTemplate(text, segments.ToImmutable());
    }

    /// <summary>The text with every <c>$Data</c> token filled from <paramref name="item"/>.</summary>
    public string Render(DataItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_segments.Length == 1 && _segments[0].Path is { } only)
        {
            return item.Select(only) ?? _segments[0].Default ?? "";
        }

        var text = new StringBuilder();
        foreach (var segment in _segments)
        {
            text.Append(segment.Path is null ? segment.Literal : item.Select(segment.Path) ?? segment.Default ?? "");
        }

        return text.ToString();
    }

    public override string ToString() => Text;

    private static Segment ParseToken(string token)
    {
        string? fallback = null;
        var rest = token["Data".Length..];
        if (rest.StartsWith('['))
        {
            // [Default='x'] or [Default="x"]
            var close = rest.IndexOf("]/", StringComparison.Ordinal);
            var inner = close < 0 ? "" : rest[1..close].Trim();
            if (!inner.StartsWith("Default", StringComparison.Ordinal) || inner.IndexOf('=', StringComparison.Ordinal) is var equals && equals < 0)
            {
                throw new FormatException($"'${token}$' is not a data token ($Data/Path$ or $Data[Default='value']/Path$)");
            }

            var value = inner[(inner.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
            if (value.Length < 2 || (value[0] is not ('\'' or '"')) || value[^1] != value[0])
            {
                throw new FormatException($"in '${token}$' the default must be quoted");
            }

            fallback = value[1..^1];
            rest = rest[(close + 1)..];
        }

        return new Segment(null, DataPath.Parse(rest[1..]), fallback);
    }

    private sealed record Segment(string? Literal, DataPath? Path, string? Default);
}
