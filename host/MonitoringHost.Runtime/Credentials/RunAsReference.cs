using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MonitoringHost.Runtime.Credentials;

/// <summary>One <c>$RunAs[Name="Pack!Profile"]/Field$</c> token: the profile it names and the field it reads.</summary>
public readonly partial record struct RunAsReference(string Profile, string Field)
{
    [GeneratedRegex(@"\$RunAs\[Name=[""'](?<name>[^""']+)[""']\]/(?<field>[A-Za-z]+)\$")]
    internal static partial Regex Token();

    /// <summary>Every distinct reference in the text and attribute values of <paramref name="configuration"/>.</summary>
    public static IReadOnlyList<RunAsReference> In(XElement configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var texts = configuration.DescendantNodes().OfType<XText>().Select(t => t.Value)
            .Concat(configuration.DescendantsAndSelf().Attributes().Select(a => a.Value));
        return [.. texts.Where(t => t.Contains("$RunAs[", StringComparison.Ordinal))
            .SelectMany(t => Token().Matches(t))
            .Select(m => new RunAsReference(m.Groups["name"].Value, m.Groups["field"].Value))
            .Distinct()];
    }

    /// <summary><paramref name="text"/> with each token replaced by <paramref name="value"/> of its reference.</summary>
    internal static string Replace(string text, Func<RunAsReference, string> value) =>
        text.Contains("$RunAs[", StringComparison.Ordinal)
            ? Token().Replace(text, m => value(new RunAsReference(m.Groups["name"].Value, m.Groups["field"].Value)))
            : text;

    public override string ToString() => $"$RunAs[Name=\"{Profile}\"]/{Field}$";
}
