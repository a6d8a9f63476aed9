using System.Collections;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Tests.DataItems;

/// <summary>
/// Checks an item's XML form against its own answers: for each path, <see cref="DataItem.Select"/> gives the expected
/// text and real XPath over <see cref="DataItem.ToXml"/> (read with DTDs refused) selects the same text there.
/// </summary>
internal static class XmlForm
{
    /// <summary>Asserts every (path, expected) pair on both sides, <c>@type</c> and <c>@time</c> included; returns the form's root.</summary>
    public static XElement ShouldRoundTrip(DataItem item, params (string Path, string? Expected)[] paths)
    {
        var xml = item.ToXml();
        var root = Load(xml);
        root.Name.LocalName.Should().Be("DataItem");
        foreach (var (path, expected) in paths.Prepend(("@time", item.Select(DataPath.Parse("@time")))).Prepend(("@type", item.TypeName)))
        {
            item.Select(DataPath.Parse(path)).Should().Be(expected, "the item answers {0}", path);
            XPathText(root, path).Should().Be(expected, "the XML form has {0} with the same text:\n{1}", path, xml);
        }

        return root;
    }

    public static XElement Load(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader).Root!;
    }

    /// <summary>The string value of the first node <paramref name="path"/> selects from the root element, or null.</summary>
    public static string? XPathText(XElement root, string path) =>
        ((IEnumerable)root.XPathEvaluate(path)).Cast<XObject>().FirstOrDefault() switch
        {
            XElement element => element.Value,
            XAttribute attribute => attribute.Value,
            null => null,
            var other => throw new InvalidOperationException($"{path} selects a {other.NodeType}"),
        };
}
