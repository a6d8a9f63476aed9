namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>Makes <see cref="WmiProbe"/>s.</summary>
public sealed class WmiProbeFactory : NativeModuleFactory
{
    public const string Id = "Microsoft.Windows.WmiProbe";

    public override string TypeId => Id;

    public override ModuleInstance Create(ModuleSetup setup) => new WmiProbe(WmiQuery.Open(setup ?? throw new ArgumentNullException(nameof(setup))));
}
