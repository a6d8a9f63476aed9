namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary><c>Microsoft.SystemCenter.DataWarehouse.PublishPerformanceData</c> (performance data to the warehouse): a <see cref="WarehousePublisher"/>.</summary>
public sealed class PublishPerformanceDataFactory : NativeModuleFactory
{
    public override string TypeId => "Microsoft.SystemCenter.DataWarehouse.PublishPerformanceData";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return WarehousePublisher.Instance;
    }
}
