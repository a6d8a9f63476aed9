namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>Makes <see cref="PassThroughProbe"/>s; one serves every workflow instance, since it has no configuration.</summary>
public sealed class PassThroughProbeFactory : NativeModuleFactory
{
    public const string Id = "System.PassThroughProbe";

    private static readonly PassThroughProbe Instance = new();

    public override string TypeId => Id;

    public override ModuleInstance Create(ModuleSetup setup) => Instance;

    public override bool Shareable(ModuleConfiguration configuration) => true;
}
