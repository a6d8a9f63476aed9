using MonitoringHost.Probes.Tcp;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary>Makes <see cref="TcpPortCheckProbe"/>s.</summary>
public sealed class TcpPortCheckProbeFactory : NativeModuleFactory
{
    public const string Id = "Microsoft.SystemCenter.SyntheticTransactions.TCPPortCheckProbe";

    public override string TypeId => Id;

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var time = setup.Services.Time;
        return new TcpPortCheckProbe(TcpPortCheckProbeConfiguration.Read(setup.Configuration), new TcpPortCheck(time), time, setup.Services.Limits)
        {
            Endpoints = setup.Services.Agentless.Endpoints,
        };
    }
}
