using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Sdk;

namespace MonitoringHost.Runtime.Hosting;

public sealed partial class WorkflowHost
{
    /// <summary>One insertion at a time: the items of one request reach each workflow in order, as a log's would.</summary>
    private readonly SemaphoreSlim _insertions = new(1, 1);

    /// <summary>
    /// Hands items a client inserted for <paramref name="objectId"/> (events, performance samples) to that object's
    /// workflows whose data source is an <see cref="InsertedDataSource"/> of the item's type, in order, and returns
    /// once their runs have finished (what they raised is handed on). An object in maintenance runs none of them,
    /// as its scheduled workflows do not run. A failing workflow keeps its error as its instance's last error and
    /// does not stop the others. Returns how many workflow runs the items started.
    /// </summary>
    public async Task<int> InsertAsync(Guid objectId, IReadOnlyList<DataItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (_suspended.ContainsKey(objectId))
        {
            return 0;
        }

        var runs = 0;
        await _insertions.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var item in items)
            {
                foreach (var instance in InstancesOf(objectId))
                {
                    for (var source = 0; source < instance.Modules.Length; source++)
                    {
                        if (instance.Workflow.Modules[source].IsSource && instance.Modules[source] is InsertedDataSource inserted && inserted.Accepts(item))
                        {
                            await RunInsertedAsync(instance, source, item, cancellationToken).ConfigureAwait(false);
                            runs++;
                        }
                    }
                }
            }
        }
        finally
        {
            _insertions.Release();
        }

        return runs;
    }

    private async Task RunInsertedAsync(WorkflowInstance instance, int source, DataItem item, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RunTimeout, _services.Time);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token, cancellationToken);
        try
        {
            await ExecuteAsync(instance, source, item, run.Token).ConfigureAwait(false);
            instance.LastError = null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            instance.LastError = $"the run took longer than {_options.RunTimeout.TotalSeconds:0} s and was cancelled";
        }
#pragma warning disable CA1031 // A failing module fails its own instance's run, never the insertion; the reason is kept on the instance.
        catch (Exception failure) when (failure is not OperationCanceledException)
#pragma warning restore CA1031
        {
            instance.LastError = $"{failure.GetType().Name}: {failure.Message}";
        }
    }
}
