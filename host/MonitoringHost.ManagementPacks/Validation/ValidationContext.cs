using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Validation;

/// <summary>What every rule needs: the pack set, the problem list, and resolution that reports what does not resolve.</summary>
internal sealed class ValidationContext(PackSet packs)
{
    private static readonly Dictionary<ElementKind, string> KindNames = new()
    {
        [ElementKind.ClassType] = "class",
        [ElementKind.RelationshipType] = "relationship type",
        [ElementKind.EnumerationType] = "enumeration value",
        [ElementKind.DataType] = "data type",
        [ElementKind.SchemaType] = "schema type",
        [ElementKind.SecureReference] = "Run As profile (secure reference)",
        [ElementKind.DataSourceModuleType] = "data source module type",
        [ElementKind.ProbeActionModuleType] = "probe action module type",
        [ElementKind.ConditionDetectionModuleType] = "condition detection module type",
        [ElementKind.WriteActionModuleType] = "write action module type",
        [ElementKind.UnitMonitorType] = "unit monitor type",
        [ElementKind.Discovery] = "discovery",
        [ElementKind.Rule] = "rule",
        [ElementKind.Task] = "task",
        [ElementKind.UnitMonitor] = "unit monitor",
        [ElementKind.AggregateMonitor] = "aggregate monitor",
        [ElementKind.DependencyMonitor] = "dependency monitor",
        [ElementKind.Diagnostic] = "diagnostic",
        [ElementKind.Recovery] = "recovery",
        [ElementKind.Override] = "override",
        [ElementKind.StringResource] = "string resource",
        [ElementKind.Opaque] = "presentation element",
    };

    public PackSet Packs { get; } = packs;
    /// <summary>The kinds a monitor reference (parent, member, diagnostic, override) may name.</summary>
    public static readonly ElementKind[] MonitorKinds = [ElementKind.UnitMonitor, ElementKind.AggregateMonitor, ElementKind.DependencyMonitor];

    private readonly HashSet<PackProblem> _seen = [];

    /// <summary>Problems in the order found; a library element used a hundred times is reported once.</summary>
    public List<PackProblem> Problems { get; } = [];

    public ConfigurationSchemas Schemas => _schemas ??= new ConfigurationSchemas(this);

    private ConfigurationSchemas? _schemas;

    public void Add(PackProblem problem)
    {
        if (_seen.Add(problem))
        {
            Problems.Add(problem);
        }
    }

    public static string KindName(ElementKind kind) => KindNames[kind];

    public void Error(string code, string message, SourceLocation where, ManagementPack pack, string? elementId) =>
        Add(new PackProblem(code, ProblemSeverity.Error, message, where, elementId, pack.Id));

    public void Warning(string code, string message, SourceLocation where, ManagementPack pack, string? elementId) =>
        Add(new PackProblem(code, ProblemSeverity.Warning, message, where, elementId, pack.Id));

    /// <summary>
    /// Resolves a reference that must name an element of one of <paramref name="kinds"/>, reporting an unknown alias,
    /// a missing element, the wrong kind or an Internal element of another pack.
    /// </summary>
    public ResolvedElement<ManagementPackElement>? Resolve(
        ManagementPack from,
        string reference,
        SourceLocation where,
        string? elementId,
        string role,
        params ElementKind[] kinds)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null; // a missing attribute was already reported by the reader
        }

        var parsed = ElementReference.Parse(reference);
        var pack = Packs.PackForAlias(from, parsed.Alias);
        if (pack is null)
        {
            if (from.Manifest.References.Any(r => r.Alias == parsed.Alias) || from.Manifest.UnmappedAliases.Contains(parsed.Alias!))
            {
                return null; // the referenced pack is missing, or the alias unmapped: reported once already
            }

            Error(ProblemCodes.UnknownAlias, $"{role} '{reference}' uses the alias '{parsed.Alias}', which the manifest does not declare", where, from, elementId);
            return null;
        }

        if (!pack.ElementsById.TryGetValue(parsed.Id, out var element))
        {
            var inPack = pack == from ? "this pack" : $"{pack.Id} {pack.Version}";
            Error(ProblemCodes.UnresolvedElement, $"{role} '{reference}' does not resolve: {inPack} has no element '{parsed.Id}'", where, from, elementId);
            return null;
        }

        if (kinds.Length > 0 && !kinds.Contains(element.Kind))
        {
            var wanted = string.Join(" or ", kinds.Select(KindName));
            Error(ProblemCodes.WrongElementKind, $"{role} '{reference}' is a {KindName(element.Kind)}, but a {wanted} is needed here", where, from, elementId);
            return null;
        }

        if (pack != from && element.Accessibility == Accessibility.Internal)
        {
            Error(ProblemCodes.InternalElement, $"{role} '{reference}' is Internal to {pack.Id} and cannot be used from another pack", where, from, elementId);
            return null;
        }

        return new ResolvedElement<ManagementPackElement>(pack, element);
    }

    public ResolvedElement<T>? Resolve<T>(ManagementPack from, string reference, SourceLocation where, string? elementId, string role, params ElementKind[] kinds)
        where T : ManagementPackElement =>
        Resolve(from, reference, where, elementId, role, kinds) is { Element: T typed } found ? new ResolvedElement<T>(found.Pack, typed) : null;

    public ResolvedElement<ClassType>? ResolveClass(ManagementPack from, string reference, SourceLocation where, string? elementId, string role) =>
        Resolve<ClassType>(from, reference, where, elementId, role, ElementKind.ClassType);

    public ResolvedElement<DataType>? ResolveDataType(ManagementPack from, string? reference, SourceLocation where, string? elementId, string role) =>
        reference is null ? null : Resolve<DataType>(from, reference, where, elementId, role, ElementKind.DataType);
}
