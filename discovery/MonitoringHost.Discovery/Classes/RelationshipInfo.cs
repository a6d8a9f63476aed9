namespace MonitoringHost.Discovery.Classes;

/// <summary>A relationship type resolved: its base, its end classes and whether it is hosting or containment.</summary>
public sealed class RelationshipInfo
{
    internal RelationshipInfo(string name, Guid id, bool isAbstract)
    {
        Name = name;
        Id = id;
        Abstract = isAbstract;
    }

    public string Name { get; }
    public Guid Id { get; }
    public bool Abstract { get; }
    public RelationshipInfo? Base { get; internal set; }
    public ClassInfo Source { get; internal set; } = null!;
    public ClassInfo Target { get; internal set; } = null!;

    public bool IsHosting => IsA("System.Hosting");

    public bool IsContainment => IsA("System.Containment");

    public IEnumerable<RelationshipInfo> SelfAndBases()
    {
        for (var r = this; r is not null; r = r.Base)
        {
            yield return r;
        }
    }

    public bool IsA(string relationshipName) => SelfAndBases().Any(r => r.Name == relationshipName);

    public override string ToString() => Name;
}
