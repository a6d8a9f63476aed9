using System.Globalization;
using System.Net;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.OData;

/// <summary>
/// <c>MonitoringHost.Agentless.ODataFeedProbe</c>: on each input item, reads an OData v2 collection (the System Center
/// Orchestrator web service's Runbooks, Jobs, RunbookInstances, RunbookServers or a navigation below them) and emits
/// one property bag per entry as one set, as <c>Microsoft.Windows.WmiProbe</c> does (an empty set when the collection
/// is empty): every property by name (see <see cref="ODataFeedReader"/>), <c>EntityType</c> and
/// <c>ResponseTimeMilliseconds</c> (the whole read). The service root's host name, when it is a computer added to be
/// managed, is reached at that computer's address (the port stays the URL's); the HTTP reachability of
/// <c>address:port</c> is checked before and recorded after, under the protocol key <c>http</c>, and the read holds a
/// slot of the <c>http</c> limits. A failure emits nothing and throws <see cref="ODataFeedException"/>: its message
/// (the URL, the status, the service's error message) becomes the instance's last error.
/// </summary>
public sealed class ODataFeedProbe(ODataFeedConfiguration configuration, ModuleSetup setup, ODataFeedClient client) : ModuleInstance
{
    public const string Protocol = "http";

    public ODataFeedConfiguration Configuration { get; } = configuration;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var services = setup.Services;
        var reachability = services.Agentless.Reachability;
        var root = Configuration.ServiceUrl;
        var hostKey = $"{ConnectAddress(root) ?? root.Host}:{root.Port.ToString(CultureInfo.InvariantCulture)}";
        reachability.Check(Protocol, hostKey);
        using var slot = await services.Limits.EnterAsync(Protocol, hostKey, cancellationToken).ConfigureAwait(false);
        var started = services.Time.GetTimestamp();
        IReadOnlyList<ODataEntry> entries;
        try
        {
            entries = await client.ReadAsync(Configuration, ConnectAddress, Credential(), cancellationToken).ConfigureAwait(false);
        }
        catch (ODataFeedException e)
        {
            reachability.Failed(Protocol, hostKey, e.Status is { } status ? status.ToString(CultureInfo.InvariantCulture) : "Unreachable", e.Message, e.Unreachable);
            throw;
        }

        reachability.Succeeded(Protocol, hostKey);
        var elapsed = ((long)services.Time.GetElapsedTime(started).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        output.EmitSet(new DataItemSet(input.Time, entries.Select(e => (DataItem)Bag(e, elapsed, input.Time))));
    }

    /// <summary>The bag of one entry: its properties, <c>EntityType</c> and <c>ResponseTimeMilliseconds</c>.</summary>
    public static PropertyBagData Bag(ODataEntry entry, string responseTimeMilliseconds, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in entry.Properties)
        {
            values.TryAdd(name, value);
        }

        values["EntityType"] = entry.EntityType;
        values["ResponseTimeMilliseconds"] = responseTimeMilliseconds;
        return new PropertyBagData(time, values);
    }

    /// <summary>
    /// The address <paramref name="url"/>'s host is reached at when it names a computer added to be managed (over any
    /// protocol) with another address; otherwise null: the host itself.
    /// </summary>
    public string? ConnectAddress(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return setup.Services.Agentless.Endpoints.AddressOf(url.Host);
    }

    /// <summary>The account to sign in with (the domain from a <c>DOMAIN\user</c> user name; none for <c>user@domain</c>), or null for none.</summary>
    private NetworkCredential? Credential()
    {
        if (Configuration.UserName is null)
        {
            return null;
        }

        var credentials = setup.Credentials;
        var user = credentials.Substitute(Configuration.UserName);
        if (user.Length == 0)
        {
            return null;
        }

        var domain = Configuration.Domain is { } d ? credentials.Substitute(d) : "";
        if (user.IndexOf('\\', StringComparison.Ordinal) is var slash and > 0)
        {
            (domain, user) = (user[..slash], user[(slash + 1)..]);
        }
        else if (user.Contains('@', StringComparison.Ordinal))
        {
            domain = "";
        }

        var password = Configuration.Password is { } p ? credentials.Substitute(p) : "";
        return new NetworkCredential(user, password, domain);
    }

    /// <summary>Makes <see cref="ODataFeedProbe"/>s (never shared: each may hold its target's Run As profile).</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public const string Id = "MonitoringHost.Agentless.ODataFeedProbe";

        public override string TypeId => Id;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            return new ODataFeedProbe(ODataFeedConfiguration.Read(setup.Configuration), setup, ODataFeedClient.Shared(setup.Services.Time));
        }
    }
}
