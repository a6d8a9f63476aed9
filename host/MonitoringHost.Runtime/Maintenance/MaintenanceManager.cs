using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Maintenance;

/// <summary>
/// Which objects are in maintenance, until when and why. Maintenance takes effect at once: each call says which
/// objects entered and which left, for the health model (in maintenance: no state changes, left out of rollups), the
/// alert manager (no alerts) and the workflow host (their workflows stop; on leaving they run at once). Recursive
/// maintenance (the default) covers every object the root hosts or contains, all the way down, including objects
/// discovered below it while it lasts. Every window started and ended goes into the <see cref="OperationsBatch"/>.
/// Driven by the one operations loop: not thread-safe.
/// </summary>
public sealed class MaintenanceManager(InstanceSpace space, TimeProvider time)
{
    private readonly Dictionary<Guid, MaintenanceWindow> _windows = [];
    private readonly Dictionary<Guid, DateTimeOffset> _scheduleOccurrences = [];
    private IReadOnlyList<(MaintenanceSchedule Schedule, Recurrence Recurrence)> _schedules = [];

    /// <summary>Every object in maintenance now, with its window.</summary>
    public IReadOnlyCollection<MaintenanceWindow> Active => _windows.Values;

    public bool IsInMaintenance(Guid objectId) => _windows.ContainsKey(objectId);

    public MaintenanceWindow? WindowOf(Guid objectId) => _windows.GetValueOrDefault(objectId);

    /// <summary>The earliest time a window ends (the loop's next call to <see cref="Expire"/>), or null.</summary>
    public DateTimeOffset? NextExpiry => _windows.Count == 0 ? null : _windows.Values.Min(w => w.Until);

    /// <summary>Takes the windows a restarted host had; no batch entries (they are stored already).</summary>
    public void Load(IEnumerable<MaintenanceWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        foreach (var window in windows)
        {
            _windows[window.ObjectId] = window;
        }
    }

    /// <summary>
    /// Puts <paramref name="objectId"/> in maintenance until <paramref name="until"/> (and, when
    /// <paramref name="recursive"/>, everything below it). An object below that is already in maintenance until later
    /// keeps its own window. Fails when the object is unknown, <paramref name="until"/> is not in the future, or the
    /// object is already in maintenance (change that window instead).
    /// </summary>
    public MaintenanceChange Start(Guid objectId, DateTimeOffset until, MaintenanceReason reason, string? comment, string by, bool recursive, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var root = space.Get(objectId) ?? throw new MaintenanceException(MaintenanceError.UnknownObject, $"there is no object {objectId}");
        var now = time.GetUtcNow();
        if (!Enum.IsDefined(reason))
        {
            throw new MaintenanceException(MaintenanceError.Invalid, $"'{(int)reason}' is not a maintenance reason");
        }

        if (until <= now)
        {
            throw new MaintenanceException(MaintenanceError.Invalid, $"maintenance of {root.Path} must end in the future (until {until:O}, now {now:O})");
        }

        if (_windows.GetValueOrDefault(objectId) is { } current)
        {
            throw new MaintenanceException(MaintenanceError.Conflict, current.RootObjectId == objectId
                ? $"{root.Path} is already in maintenance until {current.Until:O}; change that window instead"
                : $"{root.Path} is already in maintenance until {current.Until:O} through {Describe(current.RootObjectId)}");
        }

        var window = new MaintenanceWindow(objectId, objectId, now, until, reason, comment, by, recursive);
        var entered = new List<Guid>();
        Enter(window, entered, batch);
        if (recursive)
        {
            foreach (var below in space.HostedOrContainedBy(objectId))
            {
                Enter(window with { ObjectId = below.Id }, entered, batch);
            }
        }

        return new MaintenanceChange(entered, []);
    }

    /// <summary>Moves the end or replaces the comment of the maintenance started on <paramref name="rootId"/>, for every object it covers.</summary>
    public MaintenanceChange Change(Guid rootId, DateTimeOffset? until, string? comment, string by, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var root = RootWindow(rootId);
        var now = time.GetUtcNow();
        if (until is { } end && end <= now)
        {
            throw new MaintenanceException(MaintenanceError.Invalid, $"maintenance must end in the future (until {end:O}, now {now:O}); stop it to end it now");
        }

        foreach (var window in Covered(rootId))
        {
            var changed = window with { Until = until ?? window.Until, Comment = comment ?? window.Comment, By = by };
            _windows[window.ObjectId] = changed;
            batch.MaintenanceStarted.Add(changed);
        }

        return new MaintenanceChange([], []);
    }

    /// <summary>Ends now the maintenance started on <paramref name="rootId"/>, for every object it covers.</summary>
    public MaintenanceChange Stop(Guid rootId, string by, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        RootWindow(rootId);
        var now = time.GetUtcNow();
        var left = new List<Guid>();
        foreach (var window in Covered(rootId))
        {
            Leave(window with { By = by }, now, left, batch);
        }

        return new MaintenanceChange([], left);
    }

    /// <summary>
    /// Ends every window whose time is up and starts the windows of recurring schedules that have begun; the loop
    /// calls it at <see cref="NextExpiry"/>, at <see cref="NextScheduledStart"/> and whenever it wakes.
    /// </summary>
    public MaintenanceChange Tick(OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var now = time.GetUtcNow();
        var left = new List<Guid>();
        foreach (var window in _windows.Values.Where(w => w.Until <= now).ToList())
        {
            Leave(window, window.Until, left, batch);
        }

        var entered = new List<Guid>();
        foreach (var (schedule, recurrence) in _schedules.Where(s => s.Schedule.Enabled))
        {
            if (recurrence.Current(now, schedule.Duration) is not { } occurrence
                || _scheduleOccurrences.GetValueOrDefault(schedule.Id) == occurrence.Start)
            {
                continue;
            }

            _scheduleOccurrences[schedule.Id] = occurrence.Start;
            foreach (var target in schedule.Targets.Where(t => space.Get(t) is not null && !_windows.ContainsKey(t)))
            {
                var window = new MaintenanceWindow(target, target, occurrence.Start, occurrence.End, schedule.Reason, schedule.Comment, $"schedule:{schedule.Name}", schedule.Recursive);
                Enter(window, entered, batch);
                if (schedule.Recursive)
                {
                    foreach (var below in space.HostedOrContainedBy(target))
                    {
                        Enter(window with { ObjectId = below.Id }, entered, batch);
                    }
                }
            }
        }

        left.RemoveAll(entered.Contains);
        return new MaintenanceChange(entered, left);
    }

    /// <summary>
    /// The recurring windows; an occurrence already under way when a schedule is set starts at the next
    /// <see cref="Tick"/>. A schedule whose recurrence or time zone cannot be read is refused (<see cref="FormatException"/>
    /// naming the schedule) and none is taken.
    /// </summary>
    public void SetSchedules(IEnumerable<MaintenanceSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        _schedules = [.. schedules.Select(s => (s, Read(s)))];
    }

    /// <summary>The recurrence of <paramref name="schedule"/>, read; a <see cref="FormatException"/> names the schedule and what is wrong.</summary>
    public static Recurrence Read(MaintenanceSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        try
        {
            return Recurrence.Parse(schedule.Recurrence, schedule.TimeZone);
        }
        catch (FormatException e)
        {
            throw new FormatException($"maintenance schedule '{schedule.Name}': {e.Message}", e);
        }
    }

    /// <summary>When the next recurring window begins, or null.</summary>
    public DateTimeOffset? NextScheduledStart() =>
        _schedules.Where(s => s.Schedule.Enabled).Select(s => s.Recurrence.Next(time.GetUtcNow())).Where(n => n is not null).Min();

    /// <summary>
    /// Follows the instance space: a removed object's window ends; an object that appears below (hosted by or
    /// contained in) an object in recursive maintenance joins that maintenance.
    /// </summary>
    public MaintenanceChange Follow(InstanceSpaceChange change, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(batch);
        var now = time.GetUtcNow();
        var left = new List<Guid>();
        foreach (var removed in change.RemovedObjects)
        {
            if (_windows.GetValueOrDefault(removed.Id) is { } window)
            {
                Leave(window, now, left, batch);
            }
        }

        var entered = new List<Guid>();
        var parents = change.AddedObjects.Where(o => o.HostId is not null).Select(o => (Parent: o.HostId!.Value, Child: o.Id))
            .Concat(change.AddedRelationships
                .Where(r => space.Classes.Relationship(r.TypeName) is { IsContainment: true })
                .Select(r => (Parent: r.SourceId, Child: r.TargetId)));
        foreach (var (parent, child) in parents)
        {
            if (_windows.GetValueOrDefault(parent) is { Recursive: true } window && !_windows.ContainsKey(child) && space.Get(child) is not null)
            {
                Enter(window with { ObjectId = child }, entered, batch);
                foreach (var below in space.HostedOrContainedBy(child))
                {
                    Enter(window with { ObjectId = below.Id }, entered, batch);
                }
            }
        }

        return new MaintenanceChange(entered, left);
    }

    private void Enter(MaintenanceWindow window, List<Guid> entered, OperationsBatch batch)
    {
        if (_windows.GetValueOrDefault(window.ObjectId) is { } existing && existing.Until >= window.Until)
        {
            return;
        }

        if (!_windows.ContainsKey(window.ObjectId))
        {
            entered.Add(window.ObjectId);
        }

        _windows[window.ObjectId] = window;
        batch.MaintenanceStarted.Add(window);
    }

    private void Leave(MaintenanceWindow window, DateTimeOffset ended, List<Guid> left, OperationsBatch batch)
    {
        _windows.Remove(window.ObjectId);
        left.Add(window.ObjectId);
        batch.MaintenanceEnded.Add((window, ended));
    }

    private MaintenanceWindow RootWindow(Guid rootId)
    {
        if (_windows.GetValueOrDefault(rootId) is not { } window)
        {
            throw new MaintenanceException(space.Get(rootId) is null ? MaintenanceError.UnknownObject : MaintenanceError.NotInMaintenance,
                space.Get(rootId) is null ? $"there is no object {rootId}" : $"{Describe(rootId)} is not in maintenance");
        }

        return window.RootObjectId == rootId
            ? window
            : throw new MaintenanceException(MaintenanceError.Conflict, $"{Describe(rootId)} is in maintenance through {Describe(window.RootObjectId)}; change or stop that one");
    }

    private List<MaintenanceWindow> Covered(Guid rootId) => [.. _windows.Values.Where(w => w.RootObjectId == rootId)];

    private string Describe(Guid objectId) => space.Get(objectId)?.Path ?? objectId.ToString();
}

/// <summary>Which objects a maintenance call put in maintenance and which it took out.</summary>
public sealed record MaintenanceChange(IReadOnlyList<Guid> Entered, IReadOnlyList<Guid> Left);

/// <summary>What kind of refusal a <see cref="MaintenanceException"/> is (the API's 404, 400 and 409).</summary>
public enum MaintenanceError
{
    UnknownObject,
    NotInMaintenance,
    Invalid,
    Conflict,
}

/// <summary>A maintenance request that cannot be done, and why.</summary>
public sealed class MaintenanceException(MaintenanceError error, string message) : Exception(message)
{
    public MaintenanceError Error { get; } = error;
}
