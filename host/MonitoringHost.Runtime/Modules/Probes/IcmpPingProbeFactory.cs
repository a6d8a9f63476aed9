using MonitoringHost.Probes.Icmp;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary>Makes <see cref="IcmpPingProbe"/>s.</summary>
public sealed class IcmpPingProbeFactory : NativeModuleFactory
{
    public const string Id = "MonitoringHost.Agentless.IcmpPingProbe";

    public override string TypeId => Id;

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var time = setup.Services.Time;
        return new IcmpPingProbe(IcmpPingProbeConfiguration.Read(setup.Configuration), new IcmpPing(time), time, setup.Services.Limits);
    }
}
