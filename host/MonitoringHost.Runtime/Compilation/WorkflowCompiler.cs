using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Compilation;

/// <summary>
/// Compiles every discovery, rule and unit monitor of a validated pack set (mp-format.md §2.4, §2.5, §8.2).
/// Composite module types are expanded recursively into their native members; each member's configuration gets its
/// pack's <c>$MPElement</c> tokens and its composite's <c>$Config</c> values. A module type the catalog lacks makes
/// the workflow unsupported, with one message naming the type and the workflow.
/// </summary>
public sealed partial class WorkflowCompiler(PackSet packs, ModuleCatalog catalog)
{
    /// <summary>Group membership rules: evaluated by the group calculator, not run as a scheduled workflow.</summary>
    public const string GroupPopulatorType = "Microsoft.SystemCenter.GroupPopulator";

    internal PackSet Packs { get; } = packs;

    internal ModuleCatalog Catalog { get; } = catalog;

    /// <summary>Compiles all workflows of all packs, in pack and document order.</summary>
    public IReadOnlyList<CompiledWorkflow> CompileAll() =>
        [.. Packs.Packs.SelectMany(pack => pack.Elements.OfType<Workflow>().Select(w => (pack, w)))
            .Where(p => p.w is ManagementPacks.Model.Discovery or Rule or UnitMonitor)
            .Select(p => Compile(p.pack, p.w))];

    /// <summary>Compiles one discovery, rule or unit monitor of <paramref name="pack"/>.</summary>
    public CompiledWorkflow Compile(ManagementPack pack, Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(workflow);
        if (workflow is ManagementPacks.Model.Discovery populator
            && Packs.Find<ModuleType>(pack, populator.DataSource.TypeId) is { Element.Id: GroupPopulatorType })
        {
            return new CompiledWorkflow(pack.Id, workflow, WorkflowKind.Discovery, pack.GuidOf(workflow.Id), [], null) { HandledBy = "the group calculator" };
        }

        var graph = new Graph(this, pack, workflow);
        var kind = workflow switch
        {
            ManagementPacks.Model.Discovery => WorkflowKind.Discovery,
            Rule => WorkflowKind.Rule,
            UnitMonitor => WorkflowKind.UnitMonitor,
            _ => throw new ArgumentException($"{workflow.Id} is a {workflow.Kind}; only discoveries, rules and unit monitors run as workflows", nameof(workflow)),
        };

        switch (workflow)
        {
            case ManagementPacks.Model.Discovery discovery:
                graph.Exit(graph.Expand(pack, discovery.DataSource, outer: null, discovery.DataSource.Id), new WorkflowExit(WorkflowExitKind.Output));
                break;
            case Rule rule:
                var sources = rule.DataSources.Select(ds => graph.Expand(pack, ds, outer: null, ds.Id)).ToList();
                var condition = rule.ConditionDetection is { } cd ? graph.Expand(pack, cd, outer: null, cd.Id) : null;
                if (condition is not null)
                {
                    sources.ForEach(s => graph.Connect(s, condition));
                }

                foreach (var action in rule.WriteActions)
                {
                    var expanded = graph.Expand(pack, action, outer: null, action.Id);
                    foreach (var feeding in condition is null ? sources : [condition])
                    {
                        graph.Connect(feeding, expanded);
                    }

                    graph.Exit(expanded, new WorkflowExit(WorkflowExitKind.Output));
                }

                break;
            case UnitMonitor monitor:
                graph.ExpandMonitor(pack, monitor);
                break;
        }

        return graph.Build(kind, pack.GuidOf(workflow.Id));
    }

    /// <summary>A module as expanded: the native modules that take its input and the one whose output is its output.</summary>
    internal sealed record Expanded(ImmutableArray<int> Entries, int Result);
}
