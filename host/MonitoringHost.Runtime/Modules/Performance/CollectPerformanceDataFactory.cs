namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>Makes the <see cref="CollectWriteAction"/> of <c>Microsoft.SystemCenter.CollectPerformanceData</c> (collection rules for performance samples).</summary>
public sealed class CollectPerformanceDataFactory : NativeModuleFactory
{
    public override string TypeId => "Microsoft.SystemCenter.CollectPerformanceData";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new CollectWriteAction(setup.Services.Collected, setup.WorkflowId, setup.Target.Id);
    }
}
