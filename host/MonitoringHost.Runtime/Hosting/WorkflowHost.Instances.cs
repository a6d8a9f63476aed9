using System.Buffers.Binary;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Overrides;

namespace MonitoringHost.Runtime.Hosting;

public sealed partial class WorkflowHost
{
    /// <summary>
    /// Creates and schedules the workflow instances of a new (or changed) object; <paramref name="previous"/> are the
    /// instances it had, whose monitor states carry over.
    /// </summary>
    private void Add(MonitoringObject target, IReadOnlyList<WorkflowInstance>? previous = null, FirstRun firstRun = FirstRun.DiscoveriesAtOnce)
    {
        if (_space.Classes.Class(target.ClassName) is not { } type)
        {
            return;
        }

        var instances = new List<WorkflowInstance>();
        var sources = new List<(WorkflowInstance Instance, int Source, int End, string Key)>();
        foreach (var view in Effective(target, type))
        {
            if (view.Runs && Create(view.Compiled!, target, out var keys) is { } instance)
            {
                instances.Add(instance);
                if (previous?.FirstOrDefault(p => p.Workflow.Id == instance.Workflow.Id) is { } earlier)
                {
                    instance.MonitorTypeState = earlier.MonitorTypeState;
                    instance.Runs = earlier.Runs;
                }

                for (var i = 0; i < instance.Modules.Length; i++)
                {
                    if (instance.Modules[i] is SchedulerModule)
                    {
                        var (end, key) = SharedPrefix(instance.Workflow, i, keys);
                        sources.Add((instance, i, end, key));
                    }
                }
            }
        }

        if (instances.Count == 0)
        {
            return;
        }

        _byObject[target.Id] = instances;
        var now = _services.Time.GetUtcNow();
        lock (_wheelLock)
        {
            // Cookdown: data sources of one object with the same modules and configuration run once and feed every
            // workflow that uses them.
            foreach (var same in sources.GroupBy(s => s.Key, StringComparer.Ordinal))
            {
                var (leader, source, _, _) = same.First();
                var cookdown = same.Count() == 1 ? null : new Cookdown([.. same.Select(s => (s.Instance, s.End))]);
                var scheduler = (SchedulerModule)leader.Modules[source];

                // A new object needs its discoveries at once; rules and monitors start at their offset (all at once for an
                // object back from maintenance), unless their scheduler asks to run at start.
                var atOnce = firstRun == FirstRun.AllAtOnce
                    || (firstRun == FirstRun.DiscoveriesAtOnce && (scheduler.RunsAtStart || same.Any(s => s.Instance.Workflow.Kind == WorkflowKind.Discovery)));
                var first = atOnce ? now : scheduler.Schedule.Next(now, leader.Offset);
                if (first is { } due)
                {
                    _wheel.Add(new Scheduled(leader, source, due, cookdown), due);
                }
            }
        }
    }

    /// <summary>
    /// The part of a workflow that a data source and its probes make (from scheduler <paramref name="source"/> along
    /// single edges through data source and probe modules), with a key that is equal for two instances exactly when
    /// that part is the same modules with the same bound configuration.
    /// </summary>
    private static (int End, string Key) SharedPrefix(CompiledWorkflow workflow, int source, string[] keys)
    {
        var key = new System.Text.StringBuilder(keys[source]);
        var end = source;
        while (workflow.Modules[end].Next is [var next] && workflow.Modules[end].Exit is null
            && workflow.Modules[next].Role is ManagementPacks.Model.ModuleRole.DataSource or ManagementPacks.Model.ModuleRole.ProbeAction)
        {
            end = next;
            key.Append('\n').Append(keys[next]);
        }

        return (end, key.ToString());
    }

    /// <summary>
    /// For each workflow targeting <paramref name="target"/>'s class (or a base): whether it runs for it, why not, the
    /// compiled form it runs as (its overrides applied) and every overrideable setting with who set it.
    /// </summary>
    public IReadOnlyList<EffectiveView> Effective(MonitoringObject target) =>
        _space.Classes.Class(target?.ClassName ?? throw new ArgumentNullException(nameof(target))) is { } type ? Effective(target, type) : [];

    private List<EffectiveView> Effective(MonitoringObject target, ClassInfo type)
    {
        var agentless = IsOnManagedComputer(target);
        var views = new List<EffectiveView>();
        var generation = _generation;
        foreach (var workflow in type.SelfAndBases().SelectMany(c => generation.ByTargetClass.GetValueOrDefault(c.Name) ?? []))
        {
            var packs = generation.Compiler.Packs;
            var pack = packs[workflow.PackId]!;
            var effective = EffectiveWorkflow.Resolve(packs, pack, workflow.Element, generation.Overrides.Applicable(workflow.Id, target));
            var enabledBy = effective.Settings[0].OverrideId;
            var compiled = effective.Signature.Length == 0
                ? workflow
                : generation.Variants.GetOrAdd((workflow.Id, effective.Signature), _ => generation.Compiler.Compile(pack, effective.Element));
            var reason =
                !effective.Enabled ? $"disabled {(enabledBy is null ? "in its pack" : $"by override {enabledBy}")}"
                : compiled.HandledBy is { } handler ? $"handled by {handler}"
                : agentless && !workflow.Remotable ? "not remotable: it runs only where an agent is, and this object is on an agentless-managed computer"
                : compiled.Unsupported;
            views.Add(new EffectiveView(workflow.Id, reason is null, reason, effective.Settings, reason is null ? compiled : null));
        }

        return views;
    }

    /// <summary>
    /// Every monitored computer is agentless-managed here, so an object on one (the computer itself or anything its
    /// hosting chain leads to it from) only runs Remotable workflows.
    /// </summary>
    private bool IsOnManagedComputer(MonitoringObject target)
    {
        var computer = _space.Classes.Class("System.Computer");
        for (var current = target; current is not null; current = current.HostId is { } host ? _space.Get(host) : null)
        {
            if (computer is not null && _space.Classes.Class(current.ClassName) is { } type && type.IsA(computer))
            {
                return true;
            }
        }

        return false;
    }

    private WorkflowInstance? Create(CompiledWorkflow workflow, MonitoringObject target, out string[] keys)
    {
        var modules = new ModuleInstance[workflow.Modules.Length];
        keys = new string[modules.Length];
        try
        {
            for (var i = 0; i < modules.Length; i++)
            {
                var module = workflow.Modules[i];
                var configuration = module.BindsTarget ? _binder.Bind(module.Configuration, target) : module.Configuration;
                keys[i] = module.Role is ManagementPacks.Model.ModuleRole.DataSource or ManagementPacks.Model.ModuleRole.ProbeAction
                    ? $"{module.Type.Key}|{configuration.ToString(System.Xml.Linq.SaveOptions.DisableFormatting)}"
                    : "";
                if (module.Shared is { } shared)
                {
                    modules[i] = shared;
                    continue;
                }

                var setup = new ModuleSetup
                {
                    Configuration = new ModuleConfiguration(configuration, workflow.Id, module.Path),
                    WorkflowId = workflow.Id,
                    ModuleId = module.Path,
                    Target = target,
                    Services = _services,
                    Objects = _space.Get,
                    Credentials = RunAsCredentials.Bind(_services.RunAs, module.RunAs, target, checkFields: !module.Factory.UsesWholeRunAsAccounts),
                };
                modules[i] = module.Factory.Create(setup);

                // A module using Run As credentials holds its target's: never one instance for every target.
                if (!module.BindsTarget && module.RunAs.IsEmpty && module.Factory.Shareable(setup.Configuration))
                {
                    module.Shared = modules[i];
                }
            }
        }
        catch (ModuleNotApplicableException notApplicable)
        {
            _notApplicable[$"{workflow.Id}|{target.Id:D}"] = notApplicable.Message;
            _problems.TryRemove($"{workflow.Id}|{target.Id:D}", out _);
            return null;
        }
        catch (Exception problem) when (problem is ModuleConfigurationException or TargetBindingException or RunAsResolutionException or FormatException)
        {
            _problems[$"{workflow.Id}|{target.Id:D}"] = $"{workflow.Id} does not run for {target.Path}: {problem.Message}";
            _notApplicable.TryRemove($"{workflow.Id}|{target.Id:D}", out _);
            return null;
        }

        _problems.TryRemove($"{workflow.Id}|{target.Id:D}", out _);
        _notApplicable.TryRemove($"{workflow.Id}|{target.Id:D}", out _);
        return new WorkflowInstance(workflow, target, modules, Offset(workflow, target, modules));
    }

    /// <summary>A stable offset in [0, the first scheduler's interval) from the workflow's and the object's ids.</summary>
    private static TimeSpan Offset(CompiledWorkflow workflow, MonitoringObject target, ModuleInstance[] modules)
    {
        var interval = modules.OfType<SchedulerModule>().Select(s => s.Schedule.Interval).FirstOrDefault();
        if (interval <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        Span<byte> bytes = stackalloc byte[32];
        workflow.Guid.TryWriteBytes(bytes);
        target.Id.TryWriteBytes(bytes[16..]);
        var hash = 14695981039346656037UL; // FNV-1a: stable across processes, unlike string hash codes
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return TimeSpan.FromTicks((long)(hash % (ulong)interval.Ticks));
    }
}
