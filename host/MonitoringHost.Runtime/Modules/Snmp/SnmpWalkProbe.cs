namespace MonitoringHost.Runtime.Modules.Snmp;

/// <summary>
/// <c>MonitoringHost.Agentless.SnmpWalkProbe</c>: on each input item, walks the subtree below <c>RootOID</c> on the
/// device at <c>IP</c> with GETBULK and outputs one <c>System.SnmpData</c> per object instance, as one set (empty when
/// the subtree is), so a mapper makes one discovered object per table row: walking ifDescr
/// (<c>.1.3.6.1.2.1.2.2.1.2</c>) gives one item per interface, its name in <c>SnmpVarBinds/SnmpVarBind[1]/Value</c>
/// and its index at the end of <c>SnmpVarBinds/SnmpVarBind[1]/OID</c>. Operations Manager's library has no walk
/// module. Endpoint, community, limits, backoff and failures as <see cref="SnmpRequest"/>.
/// </summary>
public sealed class SnmpWalkProbe(SnmpRequest request) : ModuleInstance
{
    public SnmpRequest Request { get; } = request;

    public override async ValueTask RunAsync(DataItems.DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.EmitSet(await Request.WalkAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Makes <see cref="SnmpWalkProbe"/>s (never shared: each holds its target's community).</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public const string Id = "MonitoringHost.Agentless.SnmpWalkProbe";

        public override string TypeId => Id;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            return new SnmpWalkProbe(new SnmpRequest(setup, SnmpRequestConfiguration.ReadWalk(setup.Configuration)));
        }
    }
}
