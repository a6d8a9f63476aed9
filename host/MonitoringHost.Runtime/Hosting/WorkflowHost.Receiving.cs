using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Hosting;

public sealed partial class WorkflowHost
{
    private long _received;

    /// <summary>Messages offered through <see cref="ReceiveAsync"/> that at least one workflow took.</summary>
    public long MessagesTaken => Interlocked.Read(ref _received);

    /// <summary>
    /// Offers a message the management server received (an SNMP trap) to every workflow instance whose data source
    /// is a <see cref="ReceivedDataSource"/>; each source that takes it runs its instance from the item it makes, in
    /// turn (the same queue as inserted items, so messages reach a workflow in the order they arrived). Objects in
    /// maintenance are skipped. A failing workflow keeps its error as its instance's last error. Returns how many
    /// runs the message started.
    /// </summary>
    public async Task<int> ReceiveAsync(object message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var runs = 0;
        await _insertions.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (objectId, instances) in _byObject)
            {
                if (_suspended.ContainsKey(objectId))
                {
                    continue;
                }

                foreach (var instance in instances.ToArray())
                {
                    for (var source = 0; source < instance.Modules.Length; source++)
                    {
                        if (instance.Workflow.Modules[source].IsSource && instance.Modules[source] is ReceivedDataSource received && Take(instance, received, message) is { } item)
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

        if (runs > 0)
        {
            Interlocked.Increment(ref _received);
        }

        return runs;
    }

    private static DataItems.DataItem? Take(WorkflowInstance instance, ReceivedDataSource source, object message)
    {
        try
        {
            return source.Receive(message);
        }
#pragma warning disable CA1031 // A source that cannot judge a message (its account cannot be decrypted) fails its own instance only.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            instance.LastError = $"{failure.GetType().Name}: {failure.Message}";
            return null;
        }
    }
}
