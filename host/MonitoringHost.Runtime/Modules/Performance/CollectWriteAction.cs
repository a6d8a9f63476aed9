using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// <c>Microsoft.SystemCenter.CollectPerformanceData</c> and <c>Microsoft.SystemCenter.CollectEvent</c>: hand each item,
/// with the workflow and the object it ran for, to <see cref="RuntimeServices.Collected"/> (the operational store).
/// Both take no configuration. The sink decides when the item is durable; an item it refuses (its buffer is full)
/// fails this run with the sink's exception rather than vanishing. Nothing is emitted: write actions end a workflow.
/// </summary>
public sealed class CollectWriteAction(ICollectedDataSink sink, string workflowId, Guid targetId) : ModuleInstance
{
    public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        sink.Collect(workflowId, targetId, input);
        return ValueTask.CompletedTask;
    }
}
