namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>Makes the <see cref="CollectWriteAction"/> of <c>Microsoft.SystemCenter.CollectEvent</c> (collection rules for events).</summary>
public sealed class CollectEventFactory : NativeModuleFactory
{
    public override string TypeId => "Microsoft.SystemCenter.CollectEvent";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new CollectWriteAction(setup.Services.Collected, setup.WorkflowId, setup.Target.Id);
    }
}
