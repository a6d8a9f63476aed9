namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>Makes <see cref="ConsecutiveSamplesCondition"/>s.</summary>
public sealed class ConsecutiveSamplesConditionFactory : NativeModuleFactory
{
    public override string TypeId => "System.Performance.ConsecutiveSamplesCondition";

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new ConsecutiveSamplesCondition(ConsecutiveSamplesConditionConfiguration.Read(setup.Configuration));
    }
}
