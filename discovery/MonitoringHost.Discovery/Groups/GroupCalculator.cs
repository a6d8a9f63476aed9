using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Threading.Channels;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Discovery.Groups;

/// <summary>
/// Keeps the membership of every group that packs populate (<c>SC!Microsoft.SystemCenter.GroupPopulator</c>) in the
/// instance space. Each group's members are applied as a snapshot of its membership relationships (group → member)
/// from the source <see cref="DiscoverySource.Group(string)"/>, so members that no longer qualify are released the
/// same way undiscovered objects are.
/// <para>
/// Incremental recompute: the <see cref="InstanceSpace.Changed"/> handler only records which groups a change can
/// affect (see <see cref="GroupDependencies.AffectedBy"/>) and wakes a background loop; it never waits, since the
/// instance space raises the event while it holds its writer lock. <see cref="RecomputeAsync"/> applies the pending
/// recalculations and returns when none are left (a host or a test may await it to see a settled state; it also
/// waits for a recalculation already under way). Calculations never overlap. A group's own snapshot does not mark
/// the group again, and an unchanged snapshot commits nothing and raises no event, so recalculation stops; groups
/// whose rules depend on each other in a cycle that never settles are stopped after
/// <see cref="MaxRecalculationsPerRun"/> rounds and reported in <see cref="Failures"/>.
/// </para>
/// </summary>
public sealed partial class GroupCalculator : IAsyncDisposable
{
    public const int MaxRecalculationsPerRun = 8;

    private readonly FrozenDictionary<string, GroupDependencies> _groups;
    private readonly FrozenDictionary<string, bool> _containmentTypes;
    private readonly bool _background;
    private readonly Lock _pendingLock = new();
    private readonly SortedSet<string> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ConcurrentDictionary<string, GroupProblem> _failures = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    private InstanceSpace? _space;
    private GroupEvaluator? _evaluator;
    private Task _loop = Task.CompletedTask;
    private long _calculations;
    private int _disposed;

    /// <param name="definitions">The groups to keep, read against the class catalog of the instance space they will run in.</param>
    /// <param name="recomputeInBackground">Whether changes are recalculated by a background loop; when false, only <see cref="RecomputeAsync"/> does it.</param>
    public GroupCalculator(GroupDefinitionSet definitions, bool recomputeInBackground = true)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = definitions;
        _background = recomputeInBackground;
        _groups = definitions.Groups.Where(g => g.Enabled).ToFrozenDictionary(g => g.DiscoveryId, g => new GroupDependencies(g, definitions.Classes), StringComparer.Ordinal);
        _containmentTypes = definitions.Classes.Relationships.ToFrozenDictionary(r => r.Name, r => r.IsContainment, StringComparer.Ordinal);
    }

    public GroupDefinitionSet Definitions { get; }

    /// <summary>Groups whose last calculation failed, by populating discovery (cleared when one succeeds).</summary>
    public IReadOnlyList<GroupProblem> Failures => [.. _failures.Values.OrderBy(p => p.DiscoveryId, StringComparer.Ordinal)];

    /// <summary>How many group snapshots have been calculated and applied (changed or not) since start.</summary>
    public long Calculations => Interlocked.Read(ref _calculations);

    /// <summary>Whether changes wait to be recalculated.</summary>
    public bool HasPending
    {
        get
        {
            lock (_pendingLock)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>
    /// Follows the instance space: calculates every enabled group once, releases memberships of populating
    /// discoveries that no pack declares any more, then recalculates on change.
    /// </summary>
    public async Task StartAsync(InstanceSpace space, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!ReferenceEquals(space.Classes, Definitions.Classes))
        {
            throw new ArgumentException("the group definitions were read against another class catalog than the instance space's", nameof(space));
        }

        if (Interlocked.CompareExchange(ref _space, space, null) is not null)
        {
            throw new InvalidOperationException("the group calculator is already started");
        }

        _evaluator = new GroupEvaluator(space);
        space.Changed += OnChanged;
        await ReleaseStaleSourcesAsync(space, cancellationToken).ConfigureAwait(false);
        MarkAll();
        await RecomputeAsync(cancellationToken).ConfigureAwait(false);
        if (_background)
        {
            _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
        }
    }

    /// <summary>Marks every group for recalculation (after a change the calculator cannot see, such as an override).</summary>
    public void MarkAll()
    {
        lock (_pendingLock)
        {
            _pending.UnionWith(_groups.Keys);
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>Applies every pending recalculation, including those that applying them causes, and returns when none are left.</summary>
    public async Task RecomputeAsync(CancellationToken cancellationToken)
    {
        var space = _space ?? throw new InvalidOperationException("start the group calculator first");
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var rounds = new Dictionary<string, int>(StringComparer.Ordinal);
            var stopped = new HashSet<string>(StringComparer.Ordinal);
            while (TakePending() is { Count: > 0 } batch)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var id = batch[i];
                    if (cancellationToken.IsCancellationRequested)
                    {
                        Mark(batch.Skip(i));
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    rounds[id] = rounds.GetValueOrDefault(id) + 1;
                    if (rounds[id] > MaxRecalculationsPerRun)
                    {
                        stopped.Add(id);
                        Fail(_groups[id].Group, $"the membership did not settle after {MaxRecalculationsPerRun} recalculations; its rules depend on other groups in a cycle");
                        continue;
                    }

                    try
                    {
                        await CalculateAsync(space, _groups[id], cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        Mark(batch.Skip(i));
                        throw;
                    }
                    catch (DiscoveryDataRejectedException e)
                    {
                        // An object can go between reading and applying; its removal has marked the group again.
                        Fail(_groups[id].Group, $"the membership snapshot was rejected: {string.Join("; ", e.Problems.Select(p => p.ToString()))}");
                    }
#pragma warning disable CA1031 // One group's failure (a store error) must not stop the others; it is reported in Failures.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        Fail(_groups[id].Group, $"the membership could not be applied: {e.Message}");
                    }
                }
            }

            lock (_pendingLock)
            {
                _pending.ExceptWith(stopped);
            }
        }
        finally
        {
            _running.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_space is { } space)
        {
            space.Changed -= OnChanged;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _wake.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
        _running.Dispose();
    }

    private void OnChanged(object? sender, InstanceSpaceChange change)
    {
        var affected = _groups.Values.Where(g => g.AffectedBy(change, _containmentTypes)).Select(g => g.Group.DiscoveryId).ToList();
        if (affected.Count > 0)
        {
            Mark(affected);
            _wake.Writer.TryWrite(true);
        }
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                while (_wake.Reader.TryRead(out _))
                {
                }

                await RecomputeAsync(stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void Mark(IEnumerable<string> ids)
    {
        lock (_pendingLock)
        {
            _pending.UnionWith(ids);
        }
    }

    private List<string> TakePending()
    {
        lock (_pendingLock)
        {
            var batch = _pending.ToList();
            _pending.Clear();
            return batch;
        }
    }

    private void Fail(GroupDefinition group, string message) =>
        _failures[group.DiscoveryId] = new GroupProblem(group.DiscoveryId, group.Location, message);
}
