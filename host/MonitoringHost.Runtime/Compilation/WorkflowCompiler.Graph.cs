using System.Collections.Immutable;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.Runtime.Compilation;

public sealed partial class WorkflowCompiler
{
    /// <summary>The native modules of one workflow as they are expanded, and the edges between them.</summary>
    private sealed class Graph(WorkflowCompiler compiler, ManagementPack pack, Workflow workflow)
    {
        // Composites nest a few levels deep in practice; this only stops a cycle the validator should have caught.
        private const int MaxDepth = 32;

        private readonly List<CompiledModule> _modules = [];
        private readonly List<HashSet<int>> _next = [];
        private readonly Dictionary<int, WorkflowExit> _exits = [];
        private readonly Guid _workflowGuid = pack.GuidOf(workflow.Id);
        private string? _unsupported;

        /// <summary>Expands one module use (in <paramref name="from"/>, whose aliases its type and tokens use).</summary>
        public Expanded Expand(ManagementPack from, ModuleUsage usage, XElement? outer, string path, int depth = 0)
        {
            if (depth > MaxDepth)
            {
                throw new InvalidOperationException($"{Id}: module {path} nests composites more than {MaxDepth} deep");
            }

            var configuration = ConfigurationText.WithElements(usage.Configuration, compiler.Packs, from, _workflowGuid, Unresolved);
            if (outer is not null)
            {
                configuration = ConfigurationText.WithConfiguration(configuration, outer);
            }

            if (compiler.Packs.Find<ModuleType>(from, usage.TypeId) is not { } type)
            {
                return Fail($"module type {usage.TypeId} (module {path}) does not resolve in {from.Id}");
            }

            if (type.Element.Implementation is CompositeImplementation composite)
            {
                var members = composite.Members.ToDictionary(
                    m => m.Id,
                    m => Expand(type.Pack, m, configuration, $"{path}/{m.Id}", depth + 1),
                    StringComparer.Ordinal);
                if (composite.Composition.Length != 1)
                {
                    return Fail($"composite module type {type.Key} (module {path}) has {composite.Composition.Length} composition roots; one is expected");
                }

                return Wire(composite.Composition[0], members);
            }

            var factory = compiler.Catalog.Find(type.Element.Id);
            if (factory is null)
            {
                return Fail($"unsupported module type {type.Key} in workflow {Id}");
            }

            var index = _modules.Count;
            _modules.Add(new CompiledModule(index, path, type, factory, configuration));
            _next.Add([]);
            return new Expanded([index], index);
        }

        /// <summary>A unit monitor: its type's members with the monitor's configuration, and one exit per regular detection.</summary>
        public void ExpandMonitor(ManagementPack from, UnitMonitor monitor)
        {
            if (compiler.Packs.Find<UnitMonitorType>(from, monitor.TypeId) is not { } type)
            {
                Fail($"unit monitor type {monitor.TypeId} does not resolve in {from.Id}");
                return;
            }

            var configuration = ConfigurationText.WithElements(monitor.Configuration, compiler.Packs, from, _workflowGuid, Unresolved);
            var members = type.Element.Members.ToDictionary(
                m => m.Id,
                m => Expand(type.Pack, m, configuration, m.Id, 1),
                StringComparer.Ordinal);
            foreach (var detection in type.Element.RegularDetections)
            {
                Exit(Wire(detection.Root, members), new WorkflowExit(WorkflowExitKind.MonitorState, detection.MonitorTypeStateId));
            }
        }

        public void Connect(Expanded from, Expanded to)
        {
            if (from.Result < 0)
            {
                return;
            }

            foreach (var entry in to.Entries)
            {
                _next[from.Result].Add(entry);
            }
        }

        public void Exit(Expanded expanded, WorkflowExit exit)
        {
            if (expanded.Result >= 0)
            {
                _exits[expanded.Result] = exit;
            }
        }

        public CompiledWorkflow Build(WorkflowKind kind, Guid guid)
        {
            if (_unsupported is not null)
            {
                return new CompiledWorkflow(pack.Id, workflow, kind, guid, [], _unsupported);
            }

            var fed = _next.SelectMany(n => n).ToHashSet();
            for (var i = 0; i < _modules.Count; i++)
            {
                _modules[i].Next = [.. _next[i].Order()];
                _modules[i].Exit = _exits.GetValueOrDefault(i);
                _modules[i].IsSource = !fed.Contains(i);
            }

            return new CompiledWorkflow(pack.Id, workflow, kind, guid, [.. _modules], null);
        }

        private string Id => $"{pack.Id}!{workflow.Id}";

        /// <summary>A composition tree: each node's children feed it; leaves take the composite's own input.</summary>
        private Expanded Wire(CompositionNode node, Dictionary<string, Expanded> members)
        {
            if (!members.TryGetValue(node.Id, out var module))
            {
                return Fail($"composition node {node.Id} names no member module");
            }

            if (node.Children.IsEmpty)
            {
                return module;
            }

            var entries = ImmutableArray.CreateBuilder<int>();
            foreach (var child in node.Children)
            {
                var fed = Wire(child, members);
                Connect(fed, module);
                entries.AddRange(fed.Entries);
            }

            return new Expanded(entries.ToImmutable(), module.Result);
        }

        private Expanded Fail(string reason)
        {
            _unsupported ??= reason;
            return new Expanded([], -1);
        }

        private void Unresolved(string problem) => _unsupported ??= $"{problem} (workflow {Id})";
    }
}
