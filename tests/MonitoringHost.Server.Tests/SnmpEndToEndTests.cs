using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>
/// Network devices end to end: a management server with its trap receiver on a loopback port, the SNMP test pack
/// (Packs/Test.Snmp.xml) imported through the API, a Run As community account assigned to the SNMP monitoring
/// profile, nodes created through <c>POST /discovery-data</c>; the real snmpd of test.sh (MH_TEST_SNMP) answers,
/// net-snmp's snmptrap and snmpinform send the traps.
/// </summary>
public sealed class SnmpEndToEndTests
{
    private const string Profile = "System.NetworkManagement.Library!System.NetworkManagement.Snmp.MonitoringAccount";
    private const string V3Profile = "System.NetworkManagement.Library!System.NetworkManagement.SnmpV3.MonitoringAccount";
    private const string NodeClass = "System.NetworkManagement.Node";
    private const string MonitorId = "Test.Snmp!Test.Snmp.UpTime.Monitor";
    private const string LinkDown = "1.3.6.1.6.3.1.1.5.3";

    [SkippableFact]
    public async Task Node_IsDiscoveredMonitoredAndAlertedOnTraps_WithTheCommunityNeverStoredInTheClear()
    {
        var agent = SnmpTestAgent.Require();
        var community = SnmpTestAgent.RestrictedCommunity; // sees the system subtree only: all this pack reads
        var device = agent.Endpoint.ToString();
        var closed = $"127.0.0.2:{SnmpTestAgent.ClosedUdpPort()}";
        using var log = new CollectingLog();
        var api = new LoopbackServer { Logging = log, SnmpTraps = "127.0.0.1:0" };
        await api.StartAgainAsync();
        await using var stop = api;
        var admin = await api.KeyAsync("admin", ApiRole.Administrator);
        using var client = api.ClientFor(admin);
        await ImportAsync(api, admin, "1.0.0.0", threshold: 0);
        var account = await client.SaveRunAsAccountAsync(new RunAsAccountDefinition("Switches", "SnmpCommunity", new Dictionary<string, string> { ["CommunityString"] = community }));
        await client.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "class", NodeClass, account.Id));
        var v3 = await client.SaveRunAsAccountAsync(new RunAsAccountDefinition("No SNMPv3", "Generic", new Dictionary<string, string> { ["Note"] = "v2c devices" }));
        await client.AssignRunAsProfileAsync(new RunAsProfileAssignment(V3Profile, "class", NodeClass, v3.Id));

        await CreateNodesAsync(api, admin, device, closed);

        // Discovery: a GET of sysName, sysDescr and sysLocation into the node's properties.
        var node = (await EventuallyAsync(
            async () => (await NodesAsync(api, admin)).Where(n => Property(n, "DeviceKey") == device && Property(n, "sysName") is { Length: > 0 }).ToList(),
            found => found.Count == 1,
            "the node's discovery"))[0];
        Property(node, "sysName").Should().Be(Environment.MachineName);
        Property(node, "Description").Should().StartWith("Linux");
        Property(node, "Location").Should().Be(SnmpTestAgent.Location);
        Property(node, "SNMPAddress").Should().Be(device);
        var nodeId = node.GetProperty("id").GetGuid();

        // The monitor: sysUpTime above the threshold (0) is Error, with an alert naming the value read.
        var alert = (await EventuallyAsync(
            async () => (await OpenAlertsAsync(api, admin)).Where(a => a.GetProperty("name").GetString() == "Up time above threshold").ToList(),
            found => found.Count > 0,
            "the monitor's alert",
            () => Diagnose(api, nodeId))).Should().ContainSingle().Subject;
        alert.GetProperty("monitoringObjectId").GetGuid().Should().Be(nodeId);
        alert.GetProperty("description").GetString().Should().MatchRegex($@"^Device {Regex.Escape(device)} has been up for [1-9][0-9]* hundredths of a second\.$");
        (await HealthAsync(api, admin, nodeId)).Should().Be("Error");

        // A walk: one sample per sysOR entry, the same entries net-snmp's own walk reads with the node's community.
        var (walked, listing) = await SnmpTestAgent.RunToolAsync("snmpwalk", "-v2c", "-c", community, "-On", "-Oq", device, ".1.3.6.1.2.1.1.9.1.4");
        walked.Should().Be(0, listing);
        var entries = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).Where(o => o.StartsWith(".1.3.6.1.2.1.1.9.1.4.", StringComparison.Ordinal)).Distinct().ToList();
        entries.Should().HaveCountGreaterThan(1, "snmpd registers several MIB modules in sysORTable");
        var samples = await EventuallyAsync(
            async () =>
            {
                var (_, body, response) = await api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{nodeId}/performance?objectName=SNMP&counterName=sysORUpTime&limit=1000", admin);
                response.Dispose();
                return body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("instanceName").GetString()).Distinct().ToList();
            },
            found => found.Count == entries.Count,
            "the walk's samples",
            () => $"{Diagnose(api, nodeId)}; expected {string.Join(",", entries)}");
        samples.Should().BeEquivalentTo(entries);

        // The library's two-state monitor type (two SnmpDataSources, $Config subtrees for the bindings): the device answers.
        await EventuallyAsync(() => HealthAsync(api, admin, nodeId, "Test.Snmp.Answers.Monitor"), state => state == "Success", "the two-state monitor", () => Diagnose(api, nodeId));

        // Traps: a linkDown trap and a linkDown inform with the node's community each raise an alert; a trap with
        // another community, or about another notification, raises none.
        var traps = api.Server.SnmpTraps!.LocalEndpoint.ToString();
        await SendAsync("snmptrap", "-v", "2c", "-c", "someone-else", traps, "", LinkDown, "1.3.6.1.2.1.2.2.1.1.2", "i", "7");
        await SendAsync("snmptrap", "-v", "2c", "-c", community, traps, "", "1.3.6.1.6.3.1.1.5.4", "1.3.6.1.2.1.2.2.1.1.2", "i", "8");
        await SendAsync("snmptrap", "-v", "2c", "-c", community, traps, "", LinkDown, "1.3.6.1.2.1.2.2.1.1.2", "i", "2");
        await SendAsync("snmpinform", "-v", "2c", "-c", community, "-t", "3", "-r", "0", traps, "", LinkDown, "1.3.6.1.2.1.2.2.1.1.2", "i", "3");
        var linkDown = await EventuallyAsync(
            async () => (await OpenAlertsAsync(api, admin)).Where(a => a.GetProperty("name").GetString() == "Link down").ToList(),
            found => found.Count >= 2,
            "the two link-down alerts");
        linkDown.Select(a => a.GetProperty("description").GetString()).Should().BeEquivalentTo(
            $"Device {device} reports interface 2 down.", $"Device {device} reports interface 3 down.");
        linkDown.Should().OnlyContain(a => a.GetProperty("monitoringObjectId").GetGuid() == nodeId);
        api.Server.SnmpTraps.Received.Should().Be(4);

        // A node in maintenance takes no trap.
        var (started, _, startedResponse) = await api.SendAsync(HttpMethod.Post, $"/api/v1/objects/{nodeId}/maintenance", admin, """{ "durationMinutes": 60, "reason": "PlannedOther" }""");
        startedResponse.Dispose();
        started.Should().Be(HttpStatusCode.Created);
        await SendAsync("snmptrap", "-v", "2c", "-c", community, traps, "", LinkDown, "1.3.6.1.2.1.2.2.1.1.2", "i", "5");
        await EventuallyAsync(() => Task.FromResult(api.Server.SnmpTraps.Received), received => received == 5, "the fifth trap");
        await Task.Delay(500);
        (await OpenAlertsAsync(api, admin)).Should().NotContain(a => a.GetProperty("description").GetString() == $"Device {device} reports interface 5 down.");
        var (stopped, _, stoppedResponse) = await api.SendAsync(HttpMethod.Delete, $"/api/v1/objects/{nodeId}/maintenance", admin);
        stoppedResponse.Dispose();
        stopped.Should().Be(HttpStatusCode.OK);

        // The node nothing answers for: a clear reason on its monitor, no alert, no state, and backoff instead of a probe per run.
        var closedId = (await NodesAsync(api, admin)).Single(n => Property(n, "DeviceKey") == closed).GetProperty("id").GetGuid();
        var reason = await EventuallyAsync(() => Task.FromResult(MonitorError(api, closedId)), e => e?.Contains("not tried until", StringComparison.Ordinal) == true, "the closed node's backoff");
        reason.Should().Contain($"snmp to {closed} not tried until").And.Contain($"Refused: no SNMP agent at {closed}: connection refused (ICMP port unreachable)");
        (await HealthAsync(api, admin, closedId)).Should().Be("Uninitialized");
        (await OpenAlertsAsync(api, admin)).Should().NotContain(a => a.GetProperty("monitoringObjectId").GetGuid() == closedId);

        // A new pack version raises the threshold: the monitor turns healthy and its alert is auto-resolved.
        await ImportAsync(api, admin, "1.0.0.1", threshold: int.MaxValue);
        await EventuallyAsync(() => HealthAsync(api, admin, nodeId), state => state == "Success", "the monitor's recovery");
        var (_, resolved, response) = await api.SendAsync(HttpMethod.Get, $"/api/v1/alerts/{alert.GetProperty("id").GetGuid()}", admin);
        response.Dispose();
        resolved.GetProperty("resolutionState").GetInt32().Should().Be(255);

        // Secrets: the community is in no database file and in no log line.
        await api.StopAsync();
        foreach (var file in Directory.GetFiles(api.Folder, "monitoringhost.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(community)).Should().Be(-1, $"{file} holds no community in UTF-8");
            bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(community)).Should().Be(-1, $"{file} holds no community in UTF-16");
        }

        log.Entries.Should().NotBeEmpty();
        log.Entries.Should().NotContain(e => e.Message.Contains(community, StringComparison.Ordinal));
        await api.StartAgainAsync();
    }

    [SkippableFact]
    public async Task WrongCommunity_SaysNoAnswer_AndRaisesNothing()
    {
        var agent = SnmpTestAgent.Require();
        var device = agent.Endpoint.ToString();
        await using var api = await LoopbackServer.StartAsync();
        var admin = await api.KeyAsync("admin", ApiRole.Administrator);
        using var client = api.ClientFor(admin);
        await ImportAsync(api, admin, "1.0.0.0", threshold: 0);
        var account = await client.SaveRunAsAccountAsync(new RunAsAccountDefinition("Wrong", "SnmpCommunity", new Dictionary<string, string> { ["CommunityString"] = "not-the-c0mmunity" }));
        await client.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "class", NodeClass, account.Id));

        await CreateNodesAsync(api, admin, device);

        var nodeId = (await NodesAsync(api, admin)).Single().GetProperty("id").GetGuid();
        var reason = await EventuallyAsync(() => Task.FromResult(MonitorError(api, nodeId)), e => e is not null, "the monitor's error");
        // The monitor's own GET (300 ms) or, when the discovery's (1000 ms) timed out first, the backoff naming that failure.
        reason.Should().MatchRegex($@"no answer from {Regex.Escape(device)} within (300 ms|1000 ms \(sent 2 times\)): the agent is down or the community is wrong")
            .And.NotContain("not-the-c0mmunity");
        (await HealthAsync(api, admin, nodeId)).Should().Be("Uninitialized");
        (await OpenAlertsAsync(api, admin)).Should().BeEmpty();
        Property((await NodesAsync(api, admin)).Single(), "sysName").Should().BeNullOrEmpty("the discovery got no answer either");
    }

    private static async Task ImportAsync(LoopbackServer api, string key, string version, int threshold)
    {
        var xml = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "MonitoringHost.Server.Tests", "Packs", "Test.Snmp.xml")))
            .Replace("{{Version}}", version, StringComparison.Ordinal)
            .Replace("{{Threshold}}", threshold.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var response = await api.SendContentAsync(HttpMethod.Post, "/api/v1/management-packs", key, content);
        response.StatusCode.Should().BeOneOf([HttpStatusCode.Created, HttpStatusCode.OK], await response.Content.ReadAsStringAsync());
    }

    private static async Task CreateNodesAsync(LoopbackServer api, string key, params string[] devices)
    {
        var objects = string.Join(", ", devices.Select(d => $$"""{ "class": "{{NodeClass}}", "properties": { "DeviceKey": "{{d}}" } }"""));
        var (status, body, response) = await api.SendAsync(HttpMethod.Post, "/api/v1/discovery-data", key,
            $$"""{ "mode": "snapshot", "source": { "kind": "sdk", "id": "network-devices" }, "objects": [ {{objects}} ] }""");
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK, body.ToString());
    }

    private static async Task<List<JsonElement>> NodesAsync(LoopbackServer api, string key)
    {
        var (_, page, response) = await api.SendAsync(HttpMethod.Get, $"/api/v1/objects?class={NodeClass}", key);
        response.Dispose();
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task<List<JsonElement>> OpenAlertsAsync(LoopbackServer api, string key)
    {
        var (_, page, response) = await api.SendAsync(HttpMethod.Get, "/api/v1/alerts?open=true", key);
        response.Dispose();
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task<string> HealthAsync(LoopbackServer api, string key, Guid objectId, string monitor = "Test.Snmp.UpTime.Monitor")
    {
        var (_, tree, response) = await api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{objectId}/health", key);
        response.Dispose();
        return Find(tree, monitor)?.GetProperty("healthStateName").GetString() ?? "(monitor not in the tree)";

        static JsonElement? Find(JsonElement node, string id)
        {
            if (node.GetProperty("monitorId").GetString() == id)
            {
                return node;
            }

            foreach (var child in node.GetProperty("children").EnumerateArray())
            {
                if (Find(child, id) is { } found)
                {
                    return found;
                }
            }

            return null;
        }
    }

    /// <summary>What the workflows of the object say: each instance's runs, state and last error, and the host's problems.</summary>
    private static string Diagnose(LoopbackServer api, Guid objectId) =>
        string.Join("; ", api.Server.Host.InstancesOf(objectId).Select(i => $"{i.Workflow.Id}: runs {i.Runs}, state {i.MonitorTypeState}, error {i.LastError}")
            .Concat(api.Server.Host.Problems).Concat(api.Server.Host.Unsupported));

    /// <summary>The monitor instance's last error on the node (what the effective view shows).</summary>
    private static string? MonitorError(LoopbackServer api, Guid objectId) =>
        api.Server.Host.InstancesOf(objectId).SingleOrDefault(i => i.Workflow.Id == MonitorId)?.LastError;

    private static string? Property(JsonElement item, string name) =>
        item.GetProperty("properties").TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Asks <paramref name="probe"/> until what it answers is <paramref name="done"/>; that answer.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, Func<string>? diagnose = null)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (true)
        {
            var found = await probe();
            if (done(found))
            {
                return found;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{what} did not happen within 40 s{(diagnose is null ? "" : ": " + diagnose())}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task SendAsync(string tool, params string[] arguments)
    {
        var (code, output) = await SnmpTestAgent.RunToolAsync(tool, arguments);
        code.Should().Be(0, output);
    }
}
