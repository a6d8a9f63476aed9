using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Snmp;

/// <summary>
/// <c>System.SnmpProbe</c>: on each input item, a GET of the configured variable bindings from the device at
/// <c>IP</c>, output as one <c>System.SnmpData</c> (see <see cref="SnmpRequest"/> for endpoint, community, limits and
/// failures).
/// </summary>
public sealed class SnmpProbe(SnmpRequest request) : ModuleInstance
{
    public SnmpRequest Request { get; } = request;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Emit(await Request.GetAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Makes <see cref="SnmpProbe"/>s (never shared: each holds its target's community).</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public const string Id = "System.SnmpProbe";

        public override string TypeId => Id;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            return new SnmpProbe(new SnmpRequest(setup, SnmpRequestConfiguration.Read(setup.Configuration)));
        }
    }
}
