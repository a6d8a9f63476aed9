using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.Discovery.Groups;

/// <summary>
/// Finds every discovery whose data source is <c>SC!Microsoft.SystemCenter.GroupPopulator</c>, or a composite data
/// source with one among its members (at any depth, <c>$Config/…$</c> substituted), and reads its configuration
/// into a <see cref="GroupDefinition"/>. <c>$MPElement[Name="…"]$</c> tokens resolve through
/// <see cref="PackSet.Find(ManagementPack, string)"/> from the pack the text was written in. Reading never throws for
/// what a pack says: every problem comes back with where it is.
/// </summary>
public sealed partial class GroupDefinitionReader
{
    public const string PopulatorPackId = "Microsoft.SystemCenter.Library";
    public const string PopulatorModuleId = "Microsoft.SystemCenter.GroupPopulator";
    private const int MaxCompositeDepth = 8;

    [GeneratedRegex(@"\$Config/(?<path>[A-Za-z0-9_.\-/]+?)\$")]
    private static partial Regex ConfigToken();

    // Pack="…" is this reader's own qualification of tokens that moved out of their pack through $Config$ substitution.
    [GeneratedRegex(@"\$MPElement\[Name=[""'](?<name>[^""']+)[""'](?:\s+Pack=[""'](?<pack>[^""']+)[""'])?\](?:/(?<property>[A-Za-z0-9_.]+))?\$")]
    private static partial Regex ElementToken();

    private readonly ClassCatalog _classes;
    private readonly PackSet _packs;
    private readonly List<GroupProblem> _problems = [];

    private ManagementPack _pack = null!;
    private ManagementPacks.Model.Discovery _discovery = null!;
    private int _problemsBefore;

    private GroupDefinitionReader(ClassCatalog classes)
    {
        _classes = classes;
        _packs = classes.Packs;
    }

    /// <summary>Reads every group the catalog's pack set populates.</summary>
    public static GroupDefinitionSet Read(ClassCatalog classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var reader = new GroupDefinitionReader(classes);
        var groups = ImmutableArray.CreateBuilder<GroupDefinition>();
        foreach (var found in classes.Packs.All<ManagementPacks.Model.Discovery>())
        {
            if (reader.ReadDiscovery(found.Pack, found.Element) is { } group)
            {
                groups.Add(group);
            }
        }

        return new GroupDefinitionSet(classes, groups.ToImmutable(), [.. reader._problems]);
    }

    private GroupDefinition? ReadDiscovery(ManagementPack pack, ManagementPacks.Model.Discovery discovery)
    {
        var populators = new List<Populator>();
        FindPopulators(pack, discovery.DataSource, discovery.DataSource.Configuration, 0, populators, []);
        if (populators.Count == 0)
        {
            return null;
        }

        _pack = pack;
        _discovery = discovery;
        _problemsBefore = _problems.Count;
        var target = _packs.Find<ClassType>(pack, discovery.Settings.Target) is { } t ? _classes.Class(t.Element.Id) : null;
        if (target is null)
        {
            Problem(discovery.Location, $"the target '{discovery.Settings.Target}' is not a class");
            return null;
        }

        ClassInfo? groupClass = null;
        var rules = ImmutableArray.CreateBuilder<MembershipRule>();
        foreach (var populator in populators)
        {
            var instance = ReadGroupInstance(populator, target);
            if (instance is not null && groupClass is not null && instance != groupClass)
            {
                Problem(Where(populator.Configuration, populator.Pack), $"the data source populates {instance.Name} here and {groupClass.Name} elsewhere; one discovery populates one group");
            }

            groupClass ??= instance;
            var rulesElement = Child(populator.Configuration, "MembershipRules");
            if (rulesElement is null)
            {
                Problem(Where(populator.Configuration, populator.Pack), "the GroupPopulator configuration has no MembershipRules");
                continue;
            }

            foreach (var ruleElement in rulesElement.Elements().Where(e => e.Name.LocalName == "MembershipRule"))
            {
                if (groupClass is not null && ReadRule(ruleElement, populator.Pack, groupClass) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        if (groupClass is not null && rules.Count == 0 && _problems.Count == _problemsBefore)
        {
            Problem(discovery.Location, "the group has no membership rule");
        }

        return groupClass is null || _problems.Count > _problemsBefore
            ? null
            : new GroupDefinition(discovery.Id, pack.Id, discovery.Location, groupClass, discovery.Settings.IsEnabled, rules.ToImmutable());
    }

    /// <summary>The group class: a singleton class named by <c>$MPElement[Name="…"]$</c>, or the target class for <c>$Target/Id$</c>.</summary>
    private ClassInfo? ReadGroupInstance(Populator populator, ClassInfo target)
    {
        var element = Child(populator.Configuration, "GroupInstanceId");
        if (element is null)
        {
            Problem(Where(populator.Configuration, populator.Pack), "the GroupPopulator configuration has no GroupInstanceId");
            return null;
        }

        var text = element.Value.Trim();
        if (text == "$Target/Id$")
        {
            return target;
        }

        var type = ResolveClass(element, populator.Pack, "GroupInstanceId");
        if (type is null)
        {
            return null;
        }

        if (!type.Singleton)
        {
            Problem(Where(element, populator.Pack), $"GroupInstanceId names {type.Name}, which is not a singleton class; name a singleton group class or use $Target/Id$");
            return null;
        }

        return type;
    }

    // ---- composites ----

    private sealed record Populator(ManagementPack Pack, XElement Configuration);

    private void FindPopulators(ManagementPack pack, ModuleUsage usage, XElement configuration, int depth, List<Populator> into, HashSet<string> path)
    {
        if (_packs.Find<ModuleType>(pack, usage.TypeId) is not { } type)
        {
            return; // the validator reports a module type that does not resolve
        }

        if (type.Pack.Id == PopulatorPackId && type.Element.Id == PopulatorModuleId)
        {
            into.Add(new Populator(pack, configuration));
            return;
        }

        if (type.Element.Implementation is not CompositeImplementation composite || depth >= MaxCompositeDepth || !path.Add(type.Key))
        {
            return;
        }

        var outer = Qualify(configuration, pack);
        foreach (var member in composite.Members)
        {
            FindPopulators(type.Pack, member, Substitute(member.Configuration, outer), depth + 1, into, path);
        }

        path.Remove(type.Key);
    }

    /// <summary>
    /// A copy of a configuration whose <c>$MPElement[Name="Alias!ID"]$</c> tokens name their pack, so that they still
    /// resolve after <c>$Config$</c> substitution carries them into a module type of another pack.
    /// </summary>
    private XElement Qualify(XElement configuration, ManagementPack pack)
    {
        var copy = new XElement(configuration);
        foreach (var text in copy.DescendantNodes().OfType<XText>())
        {
            text.Value = ElementToken().Replace(text.Value, m =>
                m.Groups["pack"].Success || _packs.Find(pack, m.Groups["name"].Value) is not { } found
                    ? m.Value
                    : $"$MPElement[Name=\"{found.Element.Id}\" Pack=\"{found.Pack.Id}\"]{(m.Groups["property"].Success ? "/" + m.Groups["property"].Value : "")}$");
        }

        return copy;
    }

    /// <summary><c>$Config/Path$</c> replaced by the outer configuration's value: a whole subtree where the token is an element's only content.</summary>
    private static XElement Substitute(XElement member, XElement outer)
    {
        var copy = new XElement(member);
        foreach (var element in copy.DescendantsAndSelf().ToList())
        {
            if (element.HasElements)
            {
                continue;
            }

            var text = element.Value;
            var whole = ConfigToken().Match(text.Trim());
            if (whole.Success && whole.Length == text.Trim().Length && ConfigValue(outer, whole.Groups["path"].Value) is { HasElements: true } subtree)
            {
                element.ReplaceNodes(subtree.Nodes().Select(Clone));
                continue;
            }

            if (text.Contains("$Config/", StringComparison.Ordinal))
            {
                element.Value = ConfigToken().Replace(text, m => ConfigValue(outer, m.Groups["path"].Value)?.Value ?? "");
            }
        }

        return copy;
    }

    private static XNode Clone(XNode node) => node switch
    {
        XElement e => new XElement(e),
        XText t => new XText(t),
        _ => node,
    };

    private static XElement? ConfigValue(XElement outer, string path)
    {
        XElement? current = outer;
        foreach (var step in path.Split('/'))
        {
            current = current?.Elements().FirstOrDefault(e => e.Name.LocalName == step);
        }

        return current;
    }

    // ---- helpers ----

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static SourceLocation Where(XElement element, ManagementPack pack)
    {
        var info = (IXmlLineInfo)element;
        return info.HasLineInfo() ? new SourceLocation(pack.SourcePath, info.LineNumber, info.LinePosition) : new SourceLocation(pack.SourcePath, 0, 0);
    }

    private void Problem(SourceLocation where, string message) => _problems.Add(new GroupProblem(_discovery.Id, where, message));

    /// <summary>Resolves <c>$MPElement[Name="…"]$</c> (optionally <c>/Property</c>) from the pack the text was written in.</summary>
    private ResolvedElement<ManagementPackElement>? ResolveToken(XElement element, ManagementPack pack, string what, out string? property)
    {
        property = null;
        var text = element.Value.Trim();
        var match = ElementToken().Match(text);
        if (!match.Success || match.Length != text.Length)
        {
            Problem(Where(element, pack), $"{what} holds '{text}', not a $MPElement[Name=\"…\"]$ reference");
            return null;
        }

        var name = match.Groups["name"].Value;
        property = match.Groups["property"].Success ? match.Groups["property"].Value : null;
        ResolvedElement<ManagementPackElement>? found = match.Groups["pack"].Success
            ? _packs[match.Groups["pack"].Value] is { } qualified && qualified.ElementsById.TryGetValue(name, out var e) ? new(qualified, e) : null
            : _packs.Find(pack, name);
        if (found is null)
        {
            Problem(Where(element, pack), $"{what} '{text}' does not resolve from {pack.Id}");
        }

        return found;
    }

    private ClassInfo? ResolveClass(XElement element, ManagementPack pack, string what)
    {
        if (ResolveToken(element, pack, what, out _) is not { } found)
        {
            return null;
        }

        if (found.Element is not ClassType || _classes.Class(found.Element.Id) is not { } type)
        {
            Problem(Where(element, pack), $"{what} names {found.Element.Id}, which is not a class");
            return null;
        }

        return type;
    }
}
