using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Snmp;

/// <summary>
/// <c>System.NetworkManagement.SnmpTrapProvider</c> and the legacy <c>System.SnmpTrapProvider</c>: the traps and
/// informs the management server's trap receiver (<see cref="SnmpTrapReceiver"/>) gets from the device at <c>IP</c>
/// (its address; a port in <c>IP</c> is ignored) with the configured community, each output as a
/// <c>System.SnmpData</c>. <c>CommunityString</c> is usually a <c>$RunAs[…]/CommunityString$</c> token, compared
/// during each receipt and never kept; empty, the SNMP monitoring profile's account is used. <c>OIDProps/OIDProp</c>
/// (optional) keeps only traps whose snmpTrapOID, or one of whose bindings, is one of those OIDs or below one; the
/// legacy <c>AllTraps</c> false with no OIDProps keeps none.
/// </summary>
public sealed class SnmpTrapSource : ReceivedDataSource
{
    private readonly ModuleSetup _setup;
    private readonly AgentlessAccount? _account;
    private readonly string? _community;
    private readonly bool _none;

    private SnmpTrapSource(ModuleSetup setup, ImmutableArray<IPAddress> addresses, string? community, ImmutableArray<string> oids, bool none)
    {
        _setup = setup;
        Addresses = addresses;
        _community = community;
        Oids = oids;
        _none = none;
        _account = community is null ? AgentlessAccount.Resolve(setup, AgentlessProtocols.SnmpProfile) : null;
    }

    /// <summary>The device's addresses a trap must come from.</summary>
    public ImmutableArray<IPAddress> Addresses { get; }

    /// <summary>The OIDs a trap must be about (empty: any).</summary>
    public ImmutableArray<string> Oids { get; }

    public override DataItem? Receive(object message)
    {
        if (message is not SnmpTrap trap || _none || !Addresses.Any(a => Same(a, trap.Source.Address)))
        {
            return null;
        }

        if (!Oids.IsEmpty && !Oids.Any(oid => About(trap, oid)))
        {
            return null;
        }

        var community = _account is not null ? _account.Decrypt().CommunityString : _setup.Credentials.Substitute(_community!);
        return string.Equals(community, trap.Community, StringComparison.Ordinal) ? SnmpData.Trap(trap) : null;
    }

    private static bool About(SnmpTrap trap, string oid) =>
        (trap.TrapOid is { } trapOid && (trapOid == oid || SnmpOid.IsUnder(trapOid, oid)))
        || trap.Variables.Any(v => v.Oid == oid || SnmpOid.IsUnder(v.Oid, oid));

    private static bool Same(IPAddress configured, IPAddress source) =>
        configured.Equals(source) || (source.IsIPv4MappedToIPv6 && configured.Equals(source.MapToIPv4()));

    private static SnmpTrapSource Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var configuration = setup.Configuration;
        SnmpRequestConfiguration.CheckVersion(configuration);
        var ip = configuration.Required("IP");
        var address = DefaultAgentlessEndpoints.Split(ip.Trim()).Address;
        ImmutableArray<IPAddress> addresses;
        if (IPAddress.TryParse(address, out var parsed))
        {
            addresses = [parsed];
        }
        else
        {
            try
            {
                addresses = [.. Dns.GetHostAddresses(address)];
            }
            catch (SocketException e)
            {
                throw configuration.Problem("IP", $"the name {address} does not resolve to an address: {e.Message}");
            }
        }

        var oids = ImmutableArray.CreateBuilder<string>();
        foreach (var prop in configuration.Child("OIDProps")?.Elements().Where(e => e.Name.LocalName == "OIDProp") ?? [])
        {
            if (prop.Value.Trim() is { Length: > 0 } text)
            {
                try
                {
                    oids.Add(SnmpOid.Normalize(text));
                }
                catch (ArgumentException e)
                {
                    throw configuration.Problem("OIDProps/OIDProp", e.Message);
                }
            }
        }

        var none = configuration.OptionalBoolean("AllTraps") == false && oids.Count == 0;
        var community = configuration.Optional("CommunityString") is { Length: > 0 } text2 ? text2 : null;
        return new SnmpTrapSource(setup, addresses, community, oids.ToImmutable(), none);
    }

    /// <summary>Makes <c>System.NetworkManagement.SnmpTrapProvider</c> sources.</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public override string TypeId => "System.NetworkManagement.SnmpTrapProvider";

        public override ModuleInstance Create(ModuleSetup setup) => SnmpTrapSource.Create(setup);
    }

    /// <summary>Makes <c>System.SnmpTrapProvider</c> sources (the legacy form, with AllTraps).</summary>
    public sealed class LegacyFactory : NativeModuleFactory
    {
        public override string TypeId => "System.SnmpTrapProvider";

        public override ModuleInstance Create(ModuleSetup setup) => SnmpTrapSource.Create(setup);
    }
}
