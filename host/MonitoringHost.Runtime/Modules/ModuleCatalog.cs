using System.Collections.Frozen;
using System.Reflection;

namespace MonitoringHost.Runtime.Modules;

/// <summary>
/// The native modules the host implements, by module type ID: every non-abstract <see cref="NativeModuleFactory"/>
/// of the runtime assembly (and of any assembly given), found once.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly FrozenDictionary<string, NativeModuleFactory> _factories;

    public ModuleCatalog(IEnumerable<NativeModuleFactory> factories)
    {
        var list = factories.ToList();
        var repeated = list.GroupBy(f => f.TypeId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new ArgumentException($"more than one native module for {string.Join(", ", repeated)}", nameof(factories));
        }

        _factories = list.ToFrozenDictionary(f => f.TypeId, StringComparer.Ordinal);
    }

    /// <summary>The modules of the runtime assembly.</summary>
    public static ModuleCatalog Default { get; } = FromAssemblies(typeof(ModuleCatalog).Assembly);

    public static ModuleCatalog FromAssemblies(params Assembly[] assemblies) =>
        new(assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(NativeModuleFactory)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (NativeModuleFactory)Activator.CreateInstance(t)!));

    /// <summary>A catalog with these factories added (tests, extensions); an ID given twice is an error.</summary>
    public ModuleCatalog With(params NativeModuleFactory[] more) => new(_factories.Values.Concat(more));

    public IEnumerable<string> TypeIds => _factories.Keys;

    public NativeModuleFactory? Find(string typeId) => _factories.GetValueOrDefault(typeId);
}
