using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Alerts;

/// <summary>
/// An alert's name or description, parsed once: either a display string with <c>{0}</c>, <c>{1}</c>… placeholders
/// for the alert parameters, or (older packs' <c>AlertName</c>/<c>AlertDescription</c>) a text with <c>$Data</c> tokens.
/// </summary>
internal sealed class AlertText
{
    private readonly ImmutableArray<Segment> _segments;

    private AlertText(ImmutableArray<Segment> segments) => _segments = segments;

    /// <summary>
    /// A display string. Only <c>{digits}</c> is a placeholder: display strings are free text, and other braces
    /// (JSON, code samples in a message) must come through unchanged, so this is not <see cref="string.Format(string, object?[])"/>.
    /// </summary>
    public static AlertText FromDisplayString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = ImmutableArray.CreateBuilder<Segment>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var close = text[i] == '{' ? text.IndexOf('}', i + 1) : -1;
            if (close > i + 1
                && text.AsSpan(i + 1, close - i - 1) is var digits
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (literal.Length > 0)
                {
                    segments.Add(new Segment(literal.ToString(), -1, null));
                    literal.Clear();
                }

                segments.Add(new Segment(text[i..(close + 1)], index, null));
                i = close + 1;
                continue;
            }

            literal.Append(text[i]);
            i++;
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), -1, null));
        }

        return new AlertText(segments.ToImmutable());
    }

    /// <summary>
    /// The name and description of an alert message: the string resource's display string in
    /// <paramref name="language"/> (else the pack's default language, else ENU). A string resource without a display
    /// string is shown by its ID, as Operations Manager does, with an empty description.
    /// </summary>
    public static (AlertText Name, AlertText Description) FromStringResource(ResolvedElement<StringResource> resource, string? language)
    {
        var display = resource.Pack.DisplayStringFor(resource.Element.Id, language: language);
        return (FromDisplayString(display?.Name is { Length: > 0 } name ? name : resource.Element.Id), FromDisplayString(display?.Description ?? ""));
    }

    /// <summary>An <c>AlertName</c> or <c>AlertDescription</c>: its <c>$Data</c> tokens are filled per item.</summary>
    public static AlertText FromTemplate(DataTemplate template) => new([new Segment(null, -1, template)]);

    /// <summary>
    /// The text for <paramref name="item"/>; <c>{n}</c> takes <paramref name="parameters"/>[n]. A placeholder without
    /// a parameter stays as written, so a message that refers to a parameter the rule does not supply shows that.
    /// </summary>
    public string Render(DataItem item, IReadOnlyList<string?> parameters)
    {
        if (_segments.Length == 1 && _segments[0] is { Data: null, Parameter: < 0 } only)
        {
            return only.Literal!;
        }

        var text = new StringBuilder();
        foreach (var segment in _segments)
        {
            text.Append(
                segment.Data is { } data ? data.Render(item)
                : segment.Parameter >= 0 && segment.Parameter < parameters.Count && parameters[segment.Parameter] is { } value ? value
                : segment.Literal);
        }

        return text.ToString();
    }

    /// <summary>Literal text, a parameter placeholder (<see cref="Parameter"/> ≥ 0, <see cref="Literal"/> as written) or a data template.</summary>
    private sealed record Segment(string? Literal, int Parameter, DataTemplate? Data);
}
