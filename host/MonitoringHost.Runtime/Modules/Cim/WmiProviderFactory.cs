namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>Makes <see cref="WmiProvider"/>s.</summary>
public sealed class WmiProviderFactory : NativeModuleFactory
{
    public const string Id = "Microsoft.Windows.WmiProvider";

    public override string TypeId => Id;

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var schedule = CimFrequency.Read(setup.Configuration);
        return new WmiProvider(WmiQuery.Open(setup), schedule);
    }
}
