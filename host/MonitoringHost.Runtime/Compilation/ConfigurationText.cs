using System.Text.RegularExpressions;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;
using MonitoringHost.Runtime.Credentials;

namespace MonitoringHost.Runtime.Compilation;

/// <summary>
/// The textual substitutions made while a workflow is compiled (mp-format.md §5): <c>$MPElement…$</c> in the pack where
/// the text was written (its aliases), then <c>$Config/…$</c> from the configuration of the module being expanded
/// (values, or a whole XML subtree when the token is all of an element's text). <c>$Target</c>, <c>$Data</c> and
/// <c>$RunAs</c> tokens pass through: they are bound per object, per data item and at run time.
/// </summary>
internal static partial class ConfigurationText
{
    [GeneratedRegex(@"\$MPElement(?:\[Name=[""'](?<name>[^""']+)[""']\](?:/(?<property>[A-Za-z0-9_.]+))?)?\$")]
    private static partial Regex MPElementToken();

    [GeneratedRegex(@"\$Config/(?<path>[A-Za-z0-9_./]+?)\$")]
    private static partial Regex ConfigToken();

    /// <summary>
    /// A copy of <paramref name="configuration"/> with its <c>$MPElement</c> tokens replaced: the workflow's own GUID,
    /// an element's GUID, or <c>{class GUID}/Property</c> (see the project README). An element that does not resolve
    /// is reported through <paramref name="problem"/> and left as written. The profile of a <c>$RunAs</c> token is
    /// rewritten from the pack's alias to <c>Pack!SecureReference</c>, the key assignments use; the token stays (it is
    /// resolved per object and replaced only during a run). A profile that does not resolve is left as written: the
    /// instance then fails to load naming it.
    /// </summary>
    public static XElement WithElements(XElement configuration, PackSet packs, ManagementPack pack, Guid workflowGuid, Action<string> problem) =>
        Rewrite(configuration, text => MPElementToken().Replace(WithProfileKeys(text, packs, pack), match =>
        {
            if (!match.Groups["name"].Success)
            {
                return workflowGuid.ToString("D");
            }

            var name = match.Groups["name"].Value;
            if (packs.Find(pack, name) is not { } element)
            {
                problem($"'{match.Value}' does not resolve in {pack.Id}");
                return match.Value;
            }

            var guid = element.Pack.GuidOf(element.Element.Id).ToString("D");
            return match.Groups["property"].Success ? $"{guid}/{match.Groups["property"].Value}" : guid;
        }));

    private static string WithProfileKeys(string text, PackSet packs, ManagementPack pack) =>
        RunAsReference.Replace(text, reference =>
            new RunAsReference(packs.Find<SecureReference>(pack, reference.Profile)?.Key ?? reference.Profile, reference.Field).ToString());

    /// <summary>
    /// A copy of <paramref name="template"/> (a member module's configuration) with <c>$Config/…$</c> replaced from
    /// <paramref name="outer"/> (the composite's configuration). A path the outer configuration lacks (an optional
    /// element left out) gives empty text.
    /// </summary>
    public static XElement WithConfiguration(XElement template, XElement outer)
    {
        var copy = new XElement(template);
        foreach (var text in copy.DescendantNodes().OfType<XText>().ToList())
        {
            var value = text.Value;
            if (!value.Contains("$Config/", StringComparison.Ordinal))
            {
                continue;
            }

            var whole = ConfigToken().Match(value.Trim());
            if (whole.Success && whole.Length == value.Trim().Length && Find(outer, whole.Groups["path"].Value) is { } subtree && subtree.HasElements)
            {
                // The token stands for an XML subtree (a nested Expression, a Settings list): copy its nodes in.
                text.ReplaceWith(subtree.Nodes().Select(Copy));
                continue;
            }

            text.Value = ConfigToken().Replace(value, m => Find(outer, m.Groups["path"].Value)?.Value ?? "");
        }

        foreach (var attribute in copy.DescendantsAndSelf().Attributes().Where(a => a.Value.Contains("$Config/", StringComparison.Ordinal)))
        {
            attribute.Value = ConfigToken().Replace(attribute.Value, m => Find(outer, m.Groups["path"].Value)?.Value ?? "");
        }

        return copy;
    }

    /// <summary>Whether any text or attribute of <paramref name="configuration"/> holds <paramref name="token"/> (e.g. <c>$Target/</c>).</summary>
    public static bool Mentions(XElement configuration, string token) =>
        configuration.DescendantNodes().OfType<XText>().Any(t => t.Value.Contains(token, StringComparison.Ordinal))
        || configuration.DescendantsAndSelf().Attributes().Any(a => a.Value.Contains(token, StringComparison.Ordinal));

    /// <summary>A copy with <paramref name="replace"/> applied to every text node and attribute value.</summary>
    public static XElement Rewrite(XElement configuration, Func<string, string> replace)
    {
        var copy = new XElement(configuration);
        foreach (var text in copy.DescendantNodes().OfType<XText>())
        {
            text.Value = replace(text.Value);
        }

        foreach (var attribute in copy.DescendantsAndSelf().Attributes())
        {
            attribute.Value = replace(attribute.Value);
        }

        return copy;
    }

    private static XElement? Find(XElement root, string path)
    {
        var current = root;
        foreach (var step in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.Elements().FirstOrDefault(e => e.Name.LocalName == step);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static XNode Copy(XNode node) => node switch
    {
        XElement element => new XElement(element),
        XText text => new XText(text),
        _ => node,
    };
}
