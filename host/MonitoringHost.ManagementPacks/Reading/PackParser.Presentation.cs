using System.Collections.Immutable;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.ManagementPacks.Reading;

internal sealed partial class PackParser
{
    private void ParsePresentation(XElement section)
    {
        foreach (var group in section.Elements())
        {
            if (group.Name.LocalName == "StringResources")
            {
                ForEach(group, "StringResource", e => new StringResource(Required(e, "ID"), Access(e), Loc(e)));
            }
            else
            {
                // Views, folders, console tasks, images: the console's business, not the host's.
                KeepOpaqueChildren(group);
            }
        }
    }

    private void ParseLanguagePacks(XElement section)
    {
        foreach (var pack in section.Elements("LanguagePack"))
        {
            var displayStrings = pack.Element("DisplayStrings")?.Elements("DisplayString").Select(d => new DisplayString(
                Required(d, "ElementID"),
                Optional(d, "SubElementID"),
                ChildText(d, "Name"),
                ChildText(d, "Description"),
                Loc(d))).ToImmutableArray() ?? [];

            var articles = pack.Element("KnowledgeArticles")?.Elements("KnowledgeArticle").Select(k => new KnowledgeArticle(
                Required(k, "ElementID"),
                Bool(k, "Visible", true),
                string.Concat(k.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))),
                Loc(k))).ToImmutableArray() ?? [];

            LanguagePacks.Add(new LanguagePack(Required(pack, "ID"), Bool(pack, "IsDefault", false), displayStrings, articles, Loc(pack)));
        }
    }
}
