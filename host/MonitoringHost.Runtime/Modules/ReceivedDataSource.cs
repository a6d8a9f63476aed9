using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules;

/// <summary>
/// A data source fed by what the management server receives from the network (an SNMP trap), not by a schedule:
/// the host offers each received message to every workflow instance whose source is one of these
/// (<see cref="Hosting.WorkflowHost.ReceiveAsync"/>); <see cref="Receive"/> says whether the message is for this
/// instance and what item its workflow starts from, and the module then passes that item on.
/// </summary>
public abstract class ReceivedDataSource : ModuleInstance
{
    /// <summary>The item to run the workflow from, or null when <paramref name="message"/> is not for this source.</summary>
    public abstract DataItem? Receive(object message);

    public sealed override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.Emit(input);
        return ValueTask.CompletedTask;
    }
}
