namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary><c>Microsoft.SystemCenter.DataWarehouse.PublishPropertyBagData</c> (property bags to the warehouse): a <see cref="WarehousePublisher"/>.</summary>
public sealed class PublishPropertyBagDataFactory : NativeModuleFactory
{
    public override string TypeId => "Microsoft.SystemCenter.DataWarehouse.PublishPropertyBagData";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return WarehousePublisher.Instance;
    }
}
