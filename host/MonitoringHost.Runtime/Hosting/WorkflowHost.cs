using System.Collections.Concurrent;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Overrides;
using MonitoringHost.Runtime.Scheduling;

namespace MonitoringHost.Runtime.Hosting;

/// <summary>
/// Runs compiled workflows over the instance space: one instance per (workflow, target object of the target class
/// or a derived one), created when the object appears and dropped when it goes; scheduled on a timing wheel with
/// each instance at its own deterministic offset; runs limited in number, each with a timeout, a slow or failing
/// one affecting only itself. Discoveries also run as soon as their target appears.
/// </summary>
public sealed partial class WorkflowHost : IAsyncDisposable
{
    private readonly InstanceSpace _space;
    private readonly WorkflowCompiler _compiler;
    private readonly OverrideResolver _overrides;
    private readonly ConcurrentDictionary<(string Workflow, string Signature), CompiledWorkflow> _variants = new();
    private readonly RuntimeServices _services;
    private readonly IWorkflowResults _results;
    private readonly RuntimeOptions _options;
    private readonly TargetBinder _binder;
    private readonly Dictionary<string, List<CompiledWorkflow>> _byTargetClass = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, List<WorkflowInstance>> _byObject = new();
    private readonly ConcurrentDictionary<string, string> _problems = new(StringComparer.Ordinal);
    private readonly Lock _wheelLock = new();
    private readonly TimingWheel<Scheduled> _wheel;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Scheduled> _due = [];
    private ITimer? _timer;
    private int _inFlight;
    private TaskCompletionSource _idle = NewIdle();

    public WorkflowHost(InstanceSpace space, WorkflowCompiler compiler, RuntimeServices services, IWorkflowResults results, RuntimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(compiler);
        _space = space;
        _compiler = compiler;
        _overrides = new OverrideResolver(space.Classes, space);
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _results = results ?? throw new ArgumentNullException(nameof(results));
        _options = options ?? new RuntimeOptions();
        _binder = new TargetBinder(space.Classes, space.Get, _options.ManagementGroupName, _options.ManagementGroupId);
        _wheel = new TimingWheel<Scheduled>(_options.Resolution, 4096, services.Time.GetUtcNow());
        _slots = new SemaphoreSlim(_options.MaxConcurrentRuns);
        var all = compiler.CompileAll();
        Workflows = all;
        Unsupported = [.. all.Where(w => w.Unsupported is not null).Select(w => w.Unsupported!)];
        // Unsupported ones too: the effective view lists them with the reason; they never get an instance.
        foreach (var workflow in all)
        {
            if (space.Classes.Class(workflow.TargetClass) is not { } target)
            {
                _problems[workflow.Id] = $"{workflow.Id}: the target class {workflow.TargetClass} is not imported";
                continue;
            }

            if (!_byTargetClass.TryGetValue(target.Name, out var list))
            {
                _byTargetClass[target.Name] = list = [];
            }

            list.Add(workflow);
        }
    }

    public IReadOnlyList<CompiledWorkflow> Workflows { get; }

    /// <summary>One message per workflow that names a module type the host does not implement.</summary>
    public IReadOnlyList<string> Unsupported { get; }

    /// <summary>Why workflow instances could not load (a configuration or <c>$Target</c> problem), one per workflow and object.</summary>
    public IReadOnlyCollection<string> Problems => [.. _problems.Values];

    public int InstanceCount => _byObject.Values.Sum(l => l.Count);

    /// <summary>The workflow instances targeting <paramref name="objectId"/>.</summary>
    public IReadOnlyList<WorkflowInstance> InstancesOf(Guid objectId) =>
        _byObject.TryGetValue(objectId, out var list) ? [.. list] : [];

    /// <summary>Creates instances for every object now in the instance space, follows its changes, starts the clock.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _space.Changed += OnInstanceSpaceChanged;
        foreach (var item in _space.OfClass("System.Entity"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Add(item);
        }

        _timer = _services.Time.CreateTimer(_ => Tick(), null, _options.Resolution, _options.Resolution);
        return Task.CompletedTask;
    }

    /// <summary>Completes when no run is in progress (tests advance a fake clock, then wait for this).</summary>
    public Task WhenIdleAsync()
    {
        lock (_wheelLock)
        {
            return _inFlight == 0 ? Task.CompletedTask : _idle.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _space.Changed -= OnInstanceSpaceChanged;
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await WhenIdleAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
    }

    private void OnInstanceSpaceChanged(object? sender, InstanceSpaceChange change)
    {
        foreach (var removed in change.RemovedObjects)
        {
            Remove(removed.Id);
        }

        foreach (var changed in change.ChangedObjects)
        {
            // Its properties may feed $Target tokens: bind its workflows anew.
            Remove(changed.Id);
            Add(changed);
        }

        foreach (var added in change.AddedObjects)
        {
            Add(added);
        }

        // A member joining or leaving a group that overrides name changes its effective workflows: bind them anew.
        var rebound = new HashSet<Guid>(change.AddedObjects.Select(o => o.Id).Concat(change.ChangedObjects.Select(o => o.Id)));
        foreach (var relationship in change.AddedRelationships.Concat(change.RemovedRelationships))
        {
            if (_overrides.IsContextInstance(relationship.SourceId)
                && _space.Classes.Relationship(relationship.TypeName) is { IsContainment: true }
                && rebound.Add(relationship.TargetId)
                && _space.Get(relationship.TargetId) is { } member)
            {
                Remove(member.Id);
                Add(member);
            }
        }
    }

    private void Remove(Guid objectId)
    {
        if (_byObject.TryRemove(objectId, out var instances))
        {
            foreach (var instance in instances)
            {
                instance.Removed = true;
            }
        }
    }

    private static TaskCompletionSource NewIdle() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A scheduled run: which instance, which of its scheduler sources, when it is due; with cookdown, the instances
    /// (the first being <paramref name="Instance"/>) whose identical data source this run feeds.
    /// </summary>
    private readonly record struct Scheduled(WorkflowInstance Instance, int Source, DateTimeOffset Due, Cookdown? Cookdown = null);

    /// <summary>Workflow instances of one object sharing one data source: each continues after module <c>End</c> of its own.</summary>
    private sealed record Cookdown(IReadOnlyList<(WorkflowInstance Instance, int End)> Subscribers);
}
