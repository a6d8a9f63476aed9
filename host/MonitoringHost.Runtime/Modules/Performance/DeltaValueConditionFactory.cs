namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>Makes <see cref="DeltaValueCondition"/>s.</summary>
public sealed class DeltaValueConditionFactory : NativeModuleFactory
{
    public override string TypeId => "System.Performance.DeltaValueCondition";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new DeltaValueCondition(DeltaValueConditionConfiguration.Read(setup.Configuration));
    }
}
