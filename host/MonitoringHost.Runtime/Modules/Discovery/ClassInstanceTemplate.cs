using System.Collections.Immutable;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Discovery;

/// <summary>
/// The object a mapper describes for each item: its class, the settings that are its own properties and, for a
/// hosted class, its host described the same way. Worked out once from a flat list of settings: a pack names host
/// keys beside the object's own properties (<c>Windows.Computer/PrincipalName</c> next to <c>App/Version</c>) and
/// leaves it to the mapper to see which level of the hosting chain each one is for.
/// </summary>
public sealed class ClassInstanceTemplate
{
    /// <summary>Hosting chains in real packs are three or four deep; this only stops a malformed chain.</summary>
    private const int MaxDepth = 16;

    private ClassInstanceTemplate(ClassInfo type, ImmutableArray<InstanceSetting> settings, ClassInstanceTemplate? host)
    {
        Class = type;
        Settings = settings;
        Host = host;
    }

    public ClassInfo Class { get; }

    /// <summary>The settings that are this object's properties.</summary>
    public ImmutableArray<InstanceSetting> Settings { get; }

    public ClassInstanceTemplate? Host { get; }

    /// <summary>
    /// Places every setting on <paramref name="type"/> or a host up its chain, so that each level has all its key
    /// properties. With <paramref name="refine"/> (a relationship end named by its base class), a setting of a class
    /// derived from <paramref name="type"/> makes the object that class. A setting that fits no level, or a level
    /// missing a key, throws <see cref="ModuleConfigurationException"/> for <paramref name="field"/>.
    /// </summary>
    public static ClassInstanceTemplate Build(ModuleConfiguration configuration, string field, ClassInfo type, IReadOnlyList<InstanceSetting> settings, bool refine)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(settings);
        var (template, problem) = Plan(type, refine, settings, field, hostOf: null, depth: 0);
        return template ?? throw configuration.Problem(problem!.Value.Field, problem.Value.Message);
    }

    /// <summary>The object for <paramref name="item"/>, every setting's value rendered from it.</summary>
    public ObjectData Render(DataItem item)
    {
        var properties = new Dictionary<string, string?>(Settings.Length, StringComparer.Ordinal);
        foreach (var setting in Settings)
        {
            properties[setting.Property.Id] = setting.Render(item);
        }

        return new ObjectData(Class.Name, properties, Host?.Render(item));
    }

    public override string ToString() => Host is null ? Class.Name : $"{Class.Name} on {Host}";

    /// <summary>
    /// A depth-first search over the classes each level may be: the first arrangement that places every setting and
    /// supplies every key wins; when none does, the first problem met is the one reported.
    /// </summary>
    private static (ClassInstanceTemplate? Template, (string Field, string Message)? Problem) Plan(
        ClassInfo type, bool refine, IReadOnlyList<InstanceSetting> remaining, string field, ClassInfo? hostOf, int depth)
    {
        (string Field, string Message)? first = null;
        if (depth > MaxDepth)
        {
            return (null, (field, $"the hosting chain above {type.Name} is more than {MaxDepth} deep"));
        }

        var candidates = refine
            ? remaining.Select(s => s.Class).Where(c => c.IsA(type)).Append(type).Distinct().OrderByDescending(c => c.SelfAndBases().Count()).ToList()
            : [type];
        foreach (var candidate in candidates)
        {
            var mine = remaining.Where(s => candidate.IsA(s.Class)).ToImmutableArray();
            var role = hostOf is null ? candidate.Name : $"{candidate.Name}, the host of {hostOf.Name}";
            if (candidate.KeyProperties.FirstOrDefault(k => !mine.Any(s => s.Property.Id == k.Id)) is { } missing)
            {
                first ??= (field, $"sets no {missing.Id}, a key property of {role}");
                continue;
            }

            var rest = remaining.Where(s => !mine.Contains(s)).ToList();
            if (!candidate.Hosted)
            {
                if (rest.Count == 0)
                {
                    return (new ClassInstanceTemplate(candidate, mine, null), null);
                }

                first ??= (rest[0].Field + "/Name", $"{rest[0].Class.Name}/{rest[0].Property.Id} is for neither {role} nor a class hosting it");
                continue;
            }

            if (candidate.HostClasses.Length == 0)
            {
                first ??= (field, $"{candidate.Name} is hosted, but no relationship type of the imported packs hosts it");
                continue;
            }

            // Host classes some remaining setting is about come first: they are what the pack means.
            var hosts = candidate.HostClasses
                .OrderByDescending(h => rest.Any(s => s.Class.IsA(h) || h.IsA(s.Class)))
                .ThenBy(h => h.Name, StringComparer.Ordinal);
            foreach (var host in hosts)
            {
                var (hostTemplate, problem) = Plan(host, refine: true, rest, field, candidate, depth + 1);
                if (hostTemplate is not null)
                {
                    return (new ClassInstanceTemplate(candidate, mine, hostTemplate), null);
                }

                first ??= problem;
            }
        }

        return (null, first);
    }
}
