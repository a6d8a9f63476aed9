namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>Makes <see cref="AveragerCondition"/>s.</summary>
public sealed class AveragerConditionFactory : NativeModuleFactory
{
    public override string TypeId => "System.Performance.AveragerCondition";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new AveragerCondition(AveragerConditionConfiguration.Read(setup.Configuration));
    }
}
