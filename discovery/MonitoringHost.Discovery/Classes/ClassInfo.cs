using System.Collections.Frozen;
using System.Collections.Immutable;

namespace MonitoringHost.Discovery.Classes;

/// <summary>
/// A class with everything the instance space needs resolved: its base chain, every property (inherited
/// included), its key properties in identity order, and the classes that may host it.
/// </summary>
public sealed class ClassInfo
{
    internal ClassInfo(string name, Guid id, bool isAbstract, bool hosted, bool singleton)
    {
        Name = name;
        Id = id;
        Abstract = isAbstract;
        Hosted = hosted;
        Singleton = singleton;
    }

    public string Name { get; }
    public Guid Id { get; }
    public bool Abstract { get; }
    public bool Hosted { get; }
    public bool Singleton { get; }
    public ClassInfo? Base { get; internal set; }

    /// <summary>Every property, inherited ones included, by ID.</summary>
    public FrozenDictionary<string, PropertyInfo> Properties { get; internal set; } = FrozenDictionary<string, PropertyInfo>.Empty;

    /// <summary>Key properties, from the most basic class down, in declaration order.</summary>
    public ImmutableArray<PropertyInfo> KeyProperties { get; internal set; } = [];

    /// <summary>The class whose identity this class's objects share: the most basic class declaring a key, else itself.</summary>
    public ClassInfo IdentityClass { get; internal set; } = null!;

    /// <summary>Classes that may host this one (sources of hosting relationships targeting it or a base).</summary>
    public ImmutableArray<ClassInfo> HostClasses { get; internal set; } = [];

    /// <summary>This class and its bases, most derived first.</summary>
    public IEnumerable<ClassInfo> SelfAndBases()
    {
        for (var c = this; c is not null; c = c.Base)
        {
            yield return c;
        }
    }

    private FrozenSet<ClassInfo>? _ancestors;

    /// <summary>Whether this class is <paramref name="other"/> or derives from it.</summary>
    public bool IsA(ClassInfo other) => (_ancestors ??= SelfAndBases().ToFrozenSet()).Contains(other);

    /// <summary>The identity class's id as text, as object ids hash it.</summary>
    internal string IdentityText => _identityText ??= IdentityClass.Id.ToString("D");

    private string? _identityText;

    public override string ToString() => Name;
}
