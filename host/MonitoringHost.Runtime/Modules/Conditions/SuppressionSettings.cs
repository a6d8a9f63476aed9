using System.Globalization;
using System.Xml.Linq;

namespace MonitoringHost.Runtime.Modules.Conditions;

/// <summary>
/// An expression filter's <c>SuppressionSettings</c>: pass an item only when it matches and, with it, at least
/// <see cref="MatchCount"/> matches fell within the last <see cref="SampleCount"/> items and/or within
/// <see cref="Within"/>. With neither given the matches must be consecutive (the last MatchCount items).
/// </summary>
public sealed record SuppressionSettings(int MatchCount, int? SampleCount, TimeSpan? Within)
{
    /// <summary>How many of the latest items are remembered: SampleCount, MatchCount for consecutive matches, or null when only time bounds them.</summary>
    public int? EffectiveSampleCount => SampleCount ?? (Within is null ? MatchCount : null);

    /// <summary>Whether the settings let every match through (one match is always enough).</summary>
    public bool PassesEveryMatch => MatchCount <= 1;

    /// <summary>Reads <paramref name="element"/>; a problem throws through <paramref name="configuration"/>, naming the field.</summary>
    public static SuppressionSettings Read(XElement element, ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(configuration);
        var matchCount = Count(element, "MatchCount", configuration) ?? throw configuration.Problem("SuppressionSettings/MatchCount", "is missing");
        var sampleCount = Count(element, "SampleCount", configuration);
        var within = Count(element, "WithinSeconds", configuration);
        if (sampleCount is { } samples && samples < matchCount)
        {
            throw configuration.Problem("SuppressionSettings/SampleCount", $"is {samples}, fewer than MatchCount {matchCount}, so nothing could ever pass");
        }

        if (within == 0)
        {
            throw configuration.Problem("SuppressionSettings/WithinSeconds", "is 0, so nothing could ever pass");
        }

        return new SuppressionSettings(matchCount, sampleCount, within is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
    }

    private static int? Count(XElement element, string name, ModuleConfiguration configuration)
    {
        var text = element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw configuration.Problem($"SuppressionSettings/{name}", $"'{text}' is not a whole number from 0 to {int.MaxValue}");
    }
}
