using System.Collections.Immutable;
using MonitoringHost.Probes.Snmp;

namespace MonitoringHost.Runtime.Modules.Snmp;

/// <summary>
/// What <c>System.SnmpProbe</c> and <c>System.NetworkManagement.SnmpDataSource</c> ask: the device (<c>IP</c>, a
/// name or address, optionally <c>address:port</c>; <c>Port</c> when the pack gives one other than 161), the OIDs of
/// <c>SnmpVarBinds/SnmpVarBind/OID</c> (GET), <c>Timeout</c> in milliseconds per attempt (500) and
/// <c>NoOfRetries</c> (3), and <c>CommunityString</c>: usually a <c>$RunAs[…]/CommunityString$</c> token, replaced
/// during each run; when it is absent or empty the module uses the account of the SNMP monitoring profile.
/// SNMPv1, SNMPv3 and SET (<c>IsWriteAction</c>) are refused when the instance loads.
/// </summary>
public sealed record SnmpRequestConfiguration(string Ip, ImmutableArray<string> Oids)
{
    public const int DefaultTimeoutMilliseconds = 500;
    public const int DefaultRetries = 3;

    /// <summary>The port the configuration names (0: none, or the default 161).</summary>
    public int Port { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(DefaultTimeoutMilliseconds);

    public int Retries { get; init; } = DefaultRetries;

    /// <summary>The <c>CommunityString</c> as configured (a <c>$RunAs</c> token, never a secret read here), or null.</summary>
    public string? Community { get; init; }

    public static SnmpRequestConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        CheckVersion(configuration);
        if (configuration.OptionalBoolean("IsWriteAction") == true)
        {
            throw configuration.Problem("IsWriteAction", "SNMP SET is not supported by this host: only GET requests are sent");
        }

        var ip = configuration.Required("IP");
        var binds = configuration.RequiredChild("SnmpVarBinds").Elements().Where(e => e.Name.LocalName == "SnmpVarBind").ToList();
        if (binds.Count == 0)
        {
            throw configuration.Problem("SnmpVarBinds", "names no SnmpVarBind to read");
        }

        var oids = ImmutableArray.CreateBuilder<string>(binds.Count);
        for (var i = 0; i < binds.Count; i++)
        {
            oids.Add(Oid(configuration, $"SnmpVarBinds/SnmpVarBind[{i + 1}]/OID", binds[i].Elements().FirstOrDefault(e => e.Name.LocalName == "OID")?.Value));
        }

        return Finish(configuration, ip, oids.MoveToImmutable());
    }

    /// <summary>
    /// What <c>MonitoringHost.Agentless.SnmpWalkProbe</c> asks: the same device, community, timeout and retries, and
    /// <c>RootOID</c>, the subtree to walk (the one OID of the result).
    /// </summary>
    public static SnmpRequestConfiguration ReadWalk(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        CheckVersion(configuration);
        var ip = configuration.Required("IP");
        return Finish(configuration, ip, [Oid(configuration, "RootOID", configuration.Required("RootOID"))]);
    }

    private static string Oid(ModuleConfiguration configuration, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw configuration.Problem(field, "is missing or empty");
        }

        try
        {
            return SnmpOid.Normalize(text.Trim());
        }
        catch (ArgumentException e)
        {
            throw configuration.Problem(field, e.Message);
        }
    }

    private static SnmpRequestConfiguration Finish(ModuleConfiguration configuration, string ip, ImmutableArray<string> oids)
    {
        var port = configuration.OptionalInteger("Port") ?? 0;
        var timeout = configuration.OptionalInteger("Timeout") ?? DefaultTimeoutMilliseconds;
        var retries = configuration.OptionalInteger("NoOfRetries") ?? DefaultRetries;
        return port is < 0 or > 65535 ? throw configuration.Problem("Port", $"{port} is not a UDP port (1 to 65535)")
            : timeout is < 1 or > 60_000 ? throw configuration.Problem("Timeout", $"{timeout} ms is not between 1 and 60000")
            : retries is < 0 or > 10 ? throw configuration.Problem("NoOfRetries", $"{retries} is not between 0 and 10")
            : new SnmpRequestConfiguration(ip, oids)
            {
                Port = port == SnmpAgent.DefaultPort ? 0 : (int)port,
                Timeout = TimeSpan.FromMilliseconds(timeout),
                Retries = (int)retries,
                Community = configuration.Optional("CommunityString") is { Length: > 0 } community ? community : null,
            };
    }

    /// <summary>Accepts an empty version, 2 and 2c; SNMPv1 and SNMPv3 are refused with what the host does support.</summary>
    public static void CheckVersion(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        switch (configuration.Optional("Version")?.ToUpperInvariant())
        {
            case null or "" or "2" or "2C" or "V2C":
                return;
            case "3" or "V3":
                throw configuration.Problem("Version", "SNMPv3 is not supported yet: this host speaks SNMPv2c (use a v2c community on the device)");
            case "1" or "V1":
                throw configuration.Problem("Version", "SNMPv1 is not supported: this host speaks SNMPv2c (nearly every v1 agent also answers v2c)");
            case var other:
                throw configuration.Problem("Version", $"'{other}' is not an SNMP version (2 or 2c)");
        }
    }

    public override string ToString() => $"GET {string.Join(", ", Oids)} from {Ip}";
}
