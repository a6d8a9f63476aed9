using System.Runtime.CompilerServices;
using MonitoringHost.Probes.Http;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary>
/// Makes <see cref="HttpRequestProbe"/>s. Every probe of one host shares one <see cref="HttpCheck"/> (one pooled
/// handler): a check per workflow instance per interval would otherwise open a connection pool each.
/// </summary>
public sealed class HttpRequestProbeFactory : NativeModuleFactory
{
    public const string Id = "MonitoringHost.Agentless.HttpRequestProbe";

    // Keyed by the host's clock: one host has one, and the client lives as long as the host that uses it.
    private static readonly ConditionalWeakTable<TimeProvider, HttpCheck> Clients = [];

    public override string TypeId => Id;

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var time = setup.Services.Time;
        return new HttpRequestProbe(HttpRequestProbeConfiguration.Read(setup.Configuration), Clients.GetValue(time, t => new HttpCheck(t)), time, setup.Services.Limits)
        {
            Endpoints = setup.Services.Agentless.Endpoints,
        };
    }
}
