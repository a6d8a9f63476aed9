namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary><c>Microsoft.SystemCenter.DataWarehouse.PublishEventData</c> (event data to the warehouse): a <see cref="WarehousePublisher"/>.</summary>
public sealed class PublishEventDataFactory : NativeModuleFactory
{
    public override string TypeId => "Microsoft.SystemCenter.DataWarehouse.PublishEventData";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return WarehousePublisher.Instance;
    }
}
