using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Validation.Rules;

/// <summary>Classes and relationship types: bases resolve, no inheritance cycles, hosting, keys, properties.</summary>
internal static class TypeRules
{
    private static readonly HashSet<string> PropertyTypes =
        ["string", "int", "decimal", "double", "guid", "datetime", "bool", "enum", "richtext", "binary", "long", "float", "short", "byte"];

    public static void Check(ValidationContext context)
    {
        var hostingTargets = HostingRelationships(context).ToList();
        foreach (var type in context.Packs.All<ClassType>())
        {
            CheckClass(context, type, hostingTargets);
        }

        foreach (var type in context.Packs.All<RelationshipType>())
        {
            CheckRelationship(context, type);
        }

        foreach (var value in context.Packs.All<EnumerationType>().Where(e => e.Element.Parent is not null))
        {
            context.Resolve(value.Pack, value.Element.Parent!, value.Element.Location, value.Element.Id, "the parent enumeration value", ElementKind.EnumerationType);
        }
    }

    /// <summary>Whether a relationship type derives from System.Hosting.</summary>
    public static bool IsHosting(PackSet packs, ResolvedElement<RelationshipType> type) =>
        packs.RelationshipAndBases(type).Any(r => r.Element.Id == "System.Hosting" && r.Pack.Id == "System.Library");

    private static IEnumerable<(ResolvedElement<RelationshipType> Relationship, ResolvedElement<ClassType>? Source, ResolvedElement<ClassType> Target)> HostingRelationships(ValidationContext context)
    {
        foreach (var relationship in context.Packs.All<RelationshipType>())
        {
            if (relationship.Element.Abstract || !IsHosting(context.Packs, relationship))
            {
                continue;
            }

            if (context.Packs.Find<ClassType>(relationship.Pack, relationship.Element.Target.Type) is { } target)
            {
                yield return (relationship, context.Packs.Find<ClassType>(relationship.Pack, relationship.Element.Source.Type), target);
            }
        }
    }

    private static void CheckClass(
        ValidationContext context,
        ResolvedElement<ClassType> type,
        List<(ResolvedElement<RelationshipType> Relationship, ResolvedElement<ClassType>? Source, ResolvedElement<ClassType> Target)> hosting)
    {
        var (pack, element) = (type.Pack, type.Element);
        ResolvedElement<ClassType>? baseType = element.Base is { } baseRef
            ? context.ResolveClass(pack, baseRef, element.Location, element.Id, "the base class")
            : null;

        if (Chain(context, type, baseType, c => c.Base, ProblemCodes.ClassInheritanceCycle, "class") is not { } chain)
        {
            return;
        }

        if (baseType is { } parent && parent.Element.Hosted && !element.Hosted)
        {
            context.Error(ProblemCodes.HostedFlagChanged, $"the class derives from the hosted class {parent.Element.Id}, so it must be Hosted=\"true\" too", element.Location, pack, element.Id);
        }

        var complete = chain[^1].Element.Base is null;
        if (complete && element.Hosted && !element.Abstract && !hosting.Any(h => chain.Any(c => c.Key == h.Target.Key)))
        {
            context.Error(ProblemCodes.HostedClassWithoutHost, "the class is Hosted=\"true\" but no hosting relationship (derived from System.Hosting) has it or a base class as its target", element.Location, pack, element.Id);
        }

        CheckProperties(context, type, chain);
    }

    private static void CheckProperties(ValidationContext context, ResolvedElement<ClassType> type, List<ResolvedElement<ClassType>> chain)
    {
        var (pack, element) = (type.Pack, type.Element);
        var inherited = chain.Skip(1).SelectMany(c => c.Element.Properties.Select(p => (p.Id, Owner: c.Element.Id))).ToList();
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.Properties)
        {
            if (!own.Add(property.Id))
            {
                context.Error(ProblemCodes.DuplicateProperty, $"the property '{property.Id}' is declared twice in this class", property.Location, pack, element.Id);
            }
            else if (inherited.FirstOrDefault(p => p.Id == property.Id) is { Owner: { } owner })
            {
                context.Error(ProblemCodes.DuplicateProperty, $"the property '{property.Id}' is already declared by the base class {owner}", property.Location, pack, element.Id);
            }

            if (!PropertyTypes.Contains(property.Type))
            {
                context.Error(ProblemCodes.InvalidPropertyType, $"the property '{property.Id}' has type '{property.Type}'; use one of {string.Join(", ", PropertyTypes)}", property.Location, pack, element.Id);
            }

            if (property.OtherAttributes.TryGetValue("EnumType", out var enumType))
            {
                context.Resolve(pack, enumType, property.Location, element.Id, $"the enumeration of property '{property.Id}'", ElementKind.EnumerationType);
            }
        }

        var ownKeys = element.Properties.Where(p => p.Key).ToList();
        if (ownKeys.Count > 0 && (element.Extension || element.Singleton))
        {
            var why = element.Extension ? "an extension class cannot add key properties" : "a singleton class has exactly one instance and cannot have key properties";
            context.Error(ProblemCodes.KeyOnExtensionOrSingleton, $"the property '{ownKeys[0].Id}' is a key, but {why}", ownKeys[0].Location, pack, element.Id);
        }

        var anyKey = chain.Any(c => c.Element.Properties.Any(p => p.Key));
        if (!element.Abstract && !element.Singleton && !element.Hosted && !element.Extension && !anyKey)
        {
            context.Warning(ProblemCodes.UnkeyedClass, "the class is neither abstract, singleton nor hosted and has no key property, so only one instance of it can ever exist", element.Location, pack, element.Id);
        }
    }

    private static void CheckRelationship(ValidationContext context, ResolvedElement<RelationshipType> type)
    {
        var (pack, element) = (type.Pack, type.Element);
        ResolvedElement<RelationshipType>? baseType = element.Base is { } baseRef
            ? context.Resolve<RelationshipType>(pack, baseRef, element.Location, element.Id, "the base relationship type", ElementKind.RelationshipType)
            : null;

        if (Chain(context, type, baseType, r => r.Base, ProblemCodes.RelationshipInheritanceCycle, "relationship") is null)
        {
            return;
        }

        var source = context.ResolveClass(pack, element.Source.Type, element.Source.Location, element.Id, "the relationship source");
        var target = context.ResolveClass(pack, element.Target.Type, element.Target.Location, element.Id, "the relationship target");
        if (element.Abstract || !IsHosting(context.Packs, type))
        {
            return;
        }

        if (target is { } t && !t.Element.Hosted)
        {
            context.Error(ProblemCodes.HostingTargetNotHosted, $"this hosting relationship's target {t.Element.Id} is not a Hosted class", element.Target.Location, pack, element.Id);
        }

        if (source is { } s && s.Element.Abstract)
        {
            context.Warning(ProblemCodes.HostingSourceAbstract, $"this hosting relationship's source {s.Element.Id} is abstract; hosts are concrete objects", element.Source.Location, pack, element.Id);
        }
    }

    /// <summary>The type and its resolvable bases, most derived first; null (and reported) when inheritance loops.</summary>
    private static List<ResolvedElement<T>>? Chain<T>(
        ValidationContext context,
        ResolvedElement<T> type,
        ResolvedElement<T>? baseType,
        Func<T, string?> baseOf,
        string cycleCode,
        string what) where T : ManagementPackElement
    {
        var chain = new List<ResolvedElement<T>> { type };
        for (var current = baseType; current is { } c; current = baseOf(c.Element) is { } b ? context.Packs.Find<T>(c.Pack, b) : null)
        {
            if (chain.Any(x => x.Key == c.Key))
            {
                var loop = string.Join(" -> ", chain.Select(x => x.Element.Id).Append(c.Element.Id));
                context.Error(cycleCode, $"{what} inheritance loops: {loop}", type.Element.Location, type.Pack, type.Element.Id);
                return null;
            }

            chain.Add(c);
        }

        return chain;
    }
}
