using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>
/// The data warehouse publishers (<c>Microsoft.SystemCenter.DataWarehouse.Publish…Data</c>). MonitoringHost has no
/// separate warehouse: collection rules that also publish there keep their samples and events through their
/// <c>Collect…</c> write action, so the publishers accept each item and do nothing with it. They exist so that the
/// many public packs writing to both load and run unchanged.
/// </summary>
public sealed class WarehousePublisher : ModuleInstance
{
    public static WarehousePublisher Instance { get; } = new();

    public override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ValueTask.CompletedTask;
    }
}
