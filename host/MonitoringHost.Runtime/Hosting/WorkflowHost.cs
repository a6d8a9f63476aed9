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
    private readonly RuntimeServices _services;
    private readonly IWorkflowResults _results;
    private readonly RuntimeOptions _options;
    private readonly TargetBinder _binder;
    private readonly ConcurrentDictionary<Guid, List<WorkflowInstance>> _byObject = new();
    private readonly ConcurrentDictionary<string, string> _problems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _notApplicable = new(StringComparer.Ordinal);
    private readonly Lock _wheelLock = new();
    private readonly Lock _instancesLock = new();
    private readonly TimingWheel<Scheduled> _wheel;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<CancellationTokenSource, DateTimeOffset> _deadlines = new();
    private readonly ConcurrentDictionary<Guid, byte> _suspended = new();
    private Generation _generation;
    private ITimer? _timer;
    private int _inFlight;
    private long _runsStarted;
    private long _runsFailed;
    private long _startLagTicks;
    private TaskCompletionSource _idle = NewIdle();

    public WorkflowHost(InstanceSpace space, WorkflowCompiler compiler, RuntimeServices services, IWorkflowResults results, RuntimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(compiler);
        _space = space;
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _results = results ?? throw new ArgumentNullException(nameof(results));
        _options = options ?? new RuntimeOptions();
        _binder = new TargetBinder(space.Classes, space.Get, _options.ManagementGroupName, _options.ManagementGroupId);
        _wheel = new TimingWheel<Scheduled>(_options.Resolution, 4096, services.Time.GetUtcNow());
        _slots = new SemaphoreSlim(_options.MaxConcurrentRuns);
        _generation = NewGeneration(compiler);
    }

    public IReadOnlyList<CompiledWorkflow> Workflows => _generation.Workflows;

    /// <summary>One message per workflow that names a module type the host does not implement.</summary>
    public IReadOnlyList<string> Unsupported => _generation.Unsupported;

    /// <summary>Why workflow instances could not load (a configuration or <c>$Target</c> problem), one per workflow and object.</summary>
    public IReadOnlyCollection<string> Problems => [.. _problems.Values];

    public int InstanceCount => _byObject.Values.Sum(l => l.Count);

    /// <summary>
    /// Why <paramref name="workflowId"/>'s instance for <paramref name="objectId"/> could not load (or does not apply
    /// to it, <see cref="ModuleNotApplicableException"/>), or null.
    /// </summary>
    public string? Problem(string workflowId, Guid objectId) =>
        _problems.GetValueOrDefault($"{workflowId}|{objectId:D}") ?? _notApplicable.GetValueOrDefault($"{workflowId}|{objectId:D}");

    /// <summary>The services the modules get: the clock, sinks, and the agentless protocols' shared state (reachability of remote computers).</summary>
    public RuntimeServices Services => _services;

    /// <summary>The workflow instances targeting <paramref name="objectId"/>.</summary>
    public IReadOnlyList<WorkflowInstance> InstancesOf(Guid objectId) =>
        _byObject.TryGetValue(objectId, out var list) ? [.. list] : [];

    /// <summary>Creates instances for every object now in the instance space, follows its changes, starts the clock.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _space.Changed += OnInstanceSpaceChanged;
        lock (_instancesLock)
        {
            foreach (var item in _space.OfClass("System.Entity"))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Add(item);
            }
        }

        _timer = _services.Time.CreateTimer(_ => Tick(), null, _options.Resolution, _options.Resolution);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Swaps in the workflows of a changed pack set (a pack imported or changed, an override edited) without pausing
    /// the others: an object whose workflows compile to the same thing keeps its instances and their schedule; the
    /// others get new instances at the same phase (an instance's offset comes from its workflow's and object's ids,
    /// so the next run is due when it would have been), each keeping its monitor state. Runs in progress finish on
    /// the old instances. The pack set's classes must be the instance space's.
    /// </summary>
    public void ReplaceWorkflows(WorkflowCompiler compiler)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        var next = NewGeneration(compiler);
        lock (_instancesLock)
        {
            _generation = next;
            foreach (var target in _space.OfClass("System.Entity"))
            {
                var before = _byObject.TryGetValue(target.Id, out var list) ? list : [];
                var type = _space.Classes.Class(target.ClassName);
                var after = type is null ? [] : Effective(target, type).Where(v => v.Runs).Select(v => v.Compiled!).ToList();
                if (before.Select(i => i.Workflow.Fingerprint).Order(StringComparer.Ordinal).SequenceEqual(after.Select(w => w.Fingerprint).Order(StringComparer.Ordinal)))
                {
                    // Same workflows: keep the instances, but let them belong to the new generation's compilation.
                    continue;
                }

                Remove(target.Id);
                Add(target, before, FirstRun.AtOffset);
            }
        }
    }

    /// <summary>Runs started and not finished.</summary>
    public int RunsInProgress
    {
        get
        {
            lock (_wheelLock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>How many runs may be in progress at once (<see cref="RuntimeOptions.MaxConcurrentRuns"/>).</summary>
    public int RunCapacity => _options.MaxConcurrentRuns;

    /// <summary>Runs that got a slot and started, since the host started.</summary>
    public long RunsStarted => Interlocked.Read(ref _runsStarted);

    /// <summary>Runs (or, with cookdown, subscribers' parts of a run) that ended with a module's exception or a timeout.</summary>
    public long RunsFailed => Interlocked.Read(ref _runsFailed);

    /// <summary>How late the started runs began in total: from each one's due time to its getting a slot.</summary>
    public TimeSpan StartLagTotal => TimeSpan.FromTicks(Interlocked.Read(ref _startLagTicks));

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
        _insertions.Dispose();
    }

    private void OnInstanceSpaceChanged(object? sender, InstanceSpaceChange change)
    {
        lock (_instancesLock)
        {
            Follow(change);
        }
    }

    private void Follow(InstanceSpaceChange change)
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
            if (_generation.Overrides.IsContextInstance(relationship.SourceId)
                && _space.Classes.Relationship(relationship.TypeName) is { IsContainment: true }
                && rebound.Add(relationship.TargetId)
                && _space.Get(relationship.TargetId) is { } member)
            {
                Remove(member.Id);
                Add(member);
            }
        }
    }

    /// <summary>
    /// Objects entering maintenance: their workflows stop running at once (runs already started finish); their
    /// instances stay, with their schedules and monitor states.
    /// </summary>
    public void Suspend(IEnumerable<Guid> objectIds)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        foreach (var id in objectIds)
        {
            _suspended[id] = 0;
        }
    }

    /// <summary>
    /// Objects leaving maintenance: every workflow of theirs runs at the next tick (their monitors re-evaluate at once,
    /// as on-demand detections would), then on its schedule again.
    /// </summary>
    public void Resume(IEnumerable<Guid> objectIds)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        lock (_instancesLock)
        {
            foreach (var id in objectIds)
            {
                if (_suspended.TryRemove(id, out _) && _space.Get(id) is { } target)
                {
                    var before = _byObject.TryGetValue(id, out var list) ? list : [];
                    Remove(id);
                    Add(target, before, FirstRun.AllAtOnce);
                }
            }
        }
    }

    /// <summary>
    /// Makes the objects' workflow instances anew, as a changed object would be, so that what is resolved when an
    /// instance is made (Run As accounts, endpoints) is resolved again; monitor states are kept. Their workflows run
    /// at the next tick (unless the object is in maintenance), so a fixed account is tried at once.
    /// </summary>
    public void Rebind(IEnumerable<Guid> objectIds)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        lock (_instancesLock)
        {
            foreach (var id in objectIds.Distinct())
            {
                if (_space.Get(id) is { } target)
                {
                    var before = _byObject.TryGetValue(id, out var list) ? list : [];
                    Remove(id);
                    Add(target, before, IsSuspended(id) ? FirstRun.AtOffset : FirstRun.AllAtOnce);
                }
            }
        }
    }

    /// <summary>Whether the object's workflows are suspended (it is in maintenance).</summary>
    public bool IsSuspended(Guid objectId) => _suspended.ContainsKey(objectId);

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

    /// <summary>Compiles a pack set's workflows and indexes them by target class, with the overrides the pack set holds.</summary>
    private Generation NewGeneration(WorkflowCompiler compiler)
    {
        var all = compiler.CompileAll();
        var byTargetClass = new Dictionary<string, List<CompiledWorkflow>>(StringComparer.Ordinal);

        // Unsupported ones too: the effective view lists them with the reason; they never get an instance.
        foreach (var workflow in all)
        {
            if (_space.Classes.Class(workflow.TargetClass) is not { } target)
            {
                _problems[workflow.Id] = $"{workflow.Id}: the target class {workflow.TargetClass} is not imported";
                continue;
            }

            if (!byTargetClass.TryGetValue(target.Name, out var list))
            {
                byTargetClass[target.Name] = list = [];
            }

            list.Add(workflow);
        }

        return new Generation(
            compiler,
            new OverrideResolver(ReferenceEquals(compiler.Packs, _space.Classes.Packs) ? _space.Classes : new ClassCatalog(compiler.Packs), _space),
            byTargetClass,
            all,
            [.. all.Where(w => w.Unsupported is not null).Select(w => w.Unsupported!)]);
    }

    /// <summary>The compiled workflows of one pack set: replaced whole when packs change.</summary>
    private sealed record Generation(
        WorkflowCompiler Compiler,
        OverrideResolver Overrides,
        Dictionary<string, List<CompiledWorkflow>> ByTargetClass,
        IReadOnlyList<CompiledWorkflow> Workflows,
        IReadOnlyList<string> Unsupported)
    {
        public ConcurrentDictionary<(string Workflow, string Signature), CompiledWorkflow> Variants { get; } = new();
    }

    /// <summary>
    /// A scheduled run: which instance, which of its scheduler sources, when it is due; with cookdown, the instances
    /// (the first being <paramref name="Instance"/>) whose identical data source this run feeds.
    /// </summary>
    /// <summary>When a new set of instances first runs.</summary>
    private enum FirstRun
    {
        /// <summary>Each at its offset in the interval.</summary>
        AtOffset,

        /// <summary>Discoveries at once (a new object), the rest at their offset.</summary>
        DiscoveriesAtOnce,

        /// <summary>All at once (an object back from maintenance).</summary>
        AllAtOnce,
    }

    private readonly record struct Scheduled(WorkflowInstance Instance, int Source, DateTimeOffset Due, Cookdown? Cookdown = null);

    /// <summary>Workflow instances of one object sharing one data source: each continues after module <c>End</c> of its own.</summary>
    private sealed record Cookdown(IReadOnlyList<(WorkflowInstance Instance, int End)> Subscribers);
}
