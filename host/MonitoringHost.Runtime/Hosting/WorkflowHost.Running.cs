using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Hosting;

public sealed partial class WorkflowHost
{
    /// <summary>Runs every instance due by now. The timer calls this each tick.</summary>
    private void Tick()
    {
        CancelOverdueRuns(_services.Time.GetUtcNow());
        StartDueRuns();
    }

    /// <summary>Cancels the runs whose deadline has passed (their probes see the cancellation).</summary>
    private void CancelOverdueRuns(DateTimeOffset now)
    {
        foreach (var (run, deadline) in _deadlines)
        {
            if (deadline <= now && _deadlines.TryRemove(run, out _))
            {
                run.Cancel();
            }
        }
    }

    private void StartDueRuns()
    {
        var due = new List<Scheduled>();
        var now = _services.Time.GetUtcNow();
        lock (_wheelLock)
        {
            _wheel.Advance(now, due);
        }

        foreach (var run in due)
        {
            if (run.Instance.Removed)
            {
                continue;
            }

            if (_suspended.ContainsKey(run.Instance.Target.Id))
            {
                // In maintenance: the run is skipped, the schedule kept.
                Reschedule(run, run.Due);
                continue;
            }

            if (Interlocked.CompareExchange(ref run.Instance.Running, 1, 0) != 0)
            {
                // Still busy with the previous run: skip this one, keep the schedule.
                Reschedule(run, run.Due);
                continue;
            }

            lock (_wheelLock)
            {
                if (_inFlight++ == 0)
                {
                    _idle = NewIdle();
                }
            }

            // On the thread pool, whatever context the clock's caller has (a test's scheduler, a UI's context): a run's
            // continuations must never wait for the thread that advances the clock.
            _ = Task.Run(() => RunAsync(run, now));
        }
    }

    private async Task RunAsync(Scheduled run, DateTimeOffset now)
    {
        var instance = run.Instance;
        try
        {
            await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _runsStarted);
            Interlocked.Add(ref _startLagTicks, Math.Max(0, (_services.Time.GetUtcNow() - run.Due).Ticks));
            try
            {
                // The host's own tick cancels runs past their deadline (no timer per run); stopping the host cancels them too.
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                _deadlines[timeout] = now + _options.RunTimeout;
                try
                {
                    if (run.Cookdown is { } cookdown)
                    {
                        await RunSharedAsync(run, cookdown, now, timeout.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        var outputs = new List<DataItem>();
                        await PushAsync(instance, run.Source, Delivery.Of(new TriggerData(now)), outputs, timeout.Token).ConfigureAwait(false);
                        await DeliverAsync(instance, outputs, now, timeout.Token).ConfigureAwait(false);
                        instance.Runs++;
                        instance.LastError = null;
                    }
                }
                finally
                {
                    _deadlines.TryRemove(timeout, out _);
                }
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the run simply ends.
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _runsFailed);
            instance.LastError = $"the run took longer than {_options.RunTimeout.TotalSeconds:0} s and was cancelled";
        }
#pragma warning disable CA1031 // A failing module fails its own instance's run, never the host; the reason is kept on the instance.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _runsFailed);
            instance.LastError = $"{failure.GetType().Name}: {failure.Message}";
        }
        finally
        {
            Interlocked.Exchange(ref instance.Running, 0);
            Reschedule(run, run.Due);
            lock (_wheelLock)
            {
                if (--_inFlight == 0)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    private void Reschedule(Scheduled run, DateTimeOffset after)
    {
        if (run.Instance.Removed || run.Instance.Modules[run.Source] is not SchedulerModule scheduler)
        {
            return;
        }

        // From the run's own due time, not from the tick that took it: a run never repeats its slot.
        if (scheduler.Schedule.Next(after > run.Due ? after : run.Due, run.Instance.Offset) is { } next)
        {
            lock (_wheelLock)
            {
                _wheel.Add(run with { Due = next }, next);
            }
        }
    }

    /// <summary>
    /// Runs an instance's modules from <paramref name="source"/> on <paramref name="item"/> at once, outside the
    /// schedule: for data sources fed in-process (items the host receives) and for measuring the pipeline.
    /// </summary>
    internal async ValueTask ExecuteAsync(WorkflowInstance instance, int source, DataItem item, CancellationToken cancellationToken)
    {
        var outputs = new List<DataItem>();
        await PushAsync(instance, source, Delivery.Of(item), outputs, cancellationToken).ConfigureAwait(false);
        await DeliverAsync(instance, outputs, item.Time, cancellationToken).ConfigureAwait(false);
        instance.Runs++;
    }

    /// <summary>
    /// Cookdown: runs the shared data source once (the first subscriber's modules, from the scheduler to the end of
    /// the shared part), then each subscriber's own modules from there on. One subscriber failing does not stop the
    /// others.
    /// </summary>
    private async Task RunSharedAsync(Scheduled run, Cookdown cookdown, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leader = run.Instance;
        var end = cookdown.Subscribers[0].End;
        IReadOnlyList<Delivery> deliveries = [Delivery.Of(new TriggerData(now))];
        for (var index = run.Source; ; index = leader.Workflow.Modules[index].Next[0])
        {
            var produced = new List<Delivery>();
            foreach (var delivery in deliveries)
            {
                var output = new DeliveryCollector();
                await delivery.RunAsync(leader.Modules[index], output, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < output.Count; i++)
                {
                    produced.Add(output[i]);
                }
            }

            deliveries = produced;
            if (index == end)
            {
                break;
            }
        }

        foreach (var (instance, subscriberEnd) in cookdown.Subscribers)
        {
            if (instance.Removed)
            {
                continue;
            }

            try
            {
                var outputs = new List<DataItem>();
                foreach (var delivery in deliveries)
                {
                    await ForwardAsync(instance, subscriberEnd, delivery, outputs, cancellationToken).ConfigureAwait(false);
                }

                await DeliverAsync(instance, outputs, now, cancellationToken).ConfigureAwait(false);
                instance.Runs++;
                instance.LastError = null;
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // One subscriber's failure is its own; the others still get the shared data.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _runsFailed);
                instance.LastError = $"{failure.GetType().Name}: {failure.Message}";
            }
        }
    }

    /// <summary>Runs module <paramref name="index"/> on <paramref name="delivery"/> and passes what it outputs on.</summary>
    private async ValueTask PushAsync(WorkflowInstance instance, int index, Delivery delivery, List<DataItem> outputs, CancellationToken cancellationToken)
    {
        var output = new DeliveryCollector();
        await delivery.RunAsync(instance.Modules[index], output, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < output.Count; i++)
        {
            await ForwardAsync(instance, index, output[i], outputs, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Passes what module <paramref name="index"/> produced to the modules it feeds, and out of the workflow where it
    /// leaves. A set leaves as its items; at a monitor state it is one detection, as an item is.
    /// </summary>
    private async ValueTask ForwardAsync(WorkflowInstance instance, int index, Delivery produced, List<DataItem> outputs, CancellationToken cancellationToken)
    {
        var compiled = instance.Workflow.Modules[index];
        foreach (var next in compiled.Next)
        {
            await PushAsync(instance, next, produced, outputs, cancellationToken).ConfigureAwait(false);
        }

        switch (compiled.Exit)
        {
            case { Kind: WorkflowExitKind.Output }:
                produced.AddTo(outputs);
                break;
            case { Kind: WorkflowExitKind.MonitorState, MonitorTypeState: { } state } when !string.Equals(instance.MonitorTypeState, state, StringComparison.Ordinal):
                instance.MonitorTypeState = state;
                _results.MonitorState(instance, state, produced.Cause);
                break;
        }
    }

    /// <summary>
    /// Hands a finished run's output on. A discovery's items (one per property bag or row, often) are one snapshot
    /// of its source: combined, so that the last item does not release what the others claim. A run that produced
    /// nothing sends nothing, so a failed or empty run never undiscovers anything.
    /// </summary>
    private async Task DeliverAsync(WorkflowInstance instance, List<DataItem> outputs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outputs.Count == 0)
        {
            return;
        }

        if (instance.Workflow.Kind == WorkflowKind.Discovery && outputs.All(o => o is DiscoveryDataItem) && outputs.Count > 1)
        {
            await _results.OutputAsync(instance, DiscoveryDataItem.Combine(now, [.. outputs.Cast<DiscoveryDataItem>()]), cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var output in outputs)
        {
            await _results.OutputAsync(instance, output, cancellationToken).ConfigureAwait(false);
        }
    }
}
