using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>The management server as an object of its own, watched by the shipped MonitoringHost.ManagementServer.Library.</summary>
public sealed class SelfMonitoringTests : IAsyncLifetime
{
    private const string ManagementServers = "/api/v1/objects?class=Microsoft.SystemCenter.ManagementServer";

    private static readonly string[] Monitors =
    [
        "MonitoringHost.ManagementServer.StoreReachable", "MonitoringHost.ManagementServer.CommitFailures", "MonitoringHost.ManagementServer.StoreSize",
        "MonitoringHost.ManagementServer.WorkflowBacklog", "MonitoringHost.ManagementServer.WorkflowLag", "MonitoringHost.ManagementServer.ProbeFailureRate",
    ];

    private readonly string _packs = Directory.CreateTempSubdirectory("mh-selfmon-").FullName;
    private LoopbackServer? _api;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        Directory.Delete(_packs, recursive: true);
    }

    [Fact]
    public async Task FreshServer_ShowsItselfHealthy_WithinSeconds()
    {
        var clock = Stopwatch.StartNew();
        _api = await LoopbackServer.StartAsync();
        var key = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);

        var server = await WaitForAsync(key, ManagementServers, body => Single(body) is { } item && item.GetProperty("healthState").GetInt32() == 1);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the monitors run as soon as the server starts, not one interval later");
        var item = Single(server)!.Value;
        var name = SelfDiscovery.LocalName();
        item.GetProperty("displayName").GetString().Should().Be(name);
        item.GetProperty("healthStateName").GetString().Should().Be("Success");
        item.GetProperty("properties").GetProperty("IsManagementServer").GetString().Should().Be("true");
        var (_, host, hostResponse) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{item.GetProperty("hostId").GetGuid()}", key);
        hostResponse.Dispose();
        host.GetProperty("className").GetString().Should().Be("Microsoft.Windows.Computer");
        host.GetProperty("properties").GetProperty("PrincipalName").GetString().Should().Be(name);

        var tree = await HealthAsync(key, item.GetProperty("id").GetGuid());
        foreach (var monitor in Monitors)
        {
            tree.Should().ContainKey(monitor).WhoseValue.Should().Be("Success");
        }

        var (_, alerts, alertsResponse) = await _api.SendAsync(HttpMethod.Get, "/api/v1/alerts", key);
        alertsResponse.Dispose();
        alerts.GetProperty("items").GetArrayLength().Should().Be(0, "a healthy server raises no alert");
    }

    [Fact]
    public async Task Monitors_RunAtStart_NotAtTheirOffsetInTheInterval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        _api = await LoopbackServer.StartAsync(serverName: "ms01.contoso.com", time: time);
        var id = _api.Server.Space.OfClass(SelfDiscovery.ManagementServerClass).Single().Id;

        // One scheduler tick: only what is due at start runs (a 60 s monitor at its offset would wait up to a minute).
        time.Advance(TimeSpan.FromSeconds(1));
        await _api.Server.Host.WhenIdleAsync();
        await _api.Server.Engine.FlushAsync();

        var monitors = _api.Server.Host.InstancesOf(id).Where(i => i.Workflow.Kind == Runtime.Compilation.WorkflowKind.UnitMonitor).ToList();
        monitors.Select(i => i.Workflow.Element.Id).Should().BeEquivalentTo(Monitors);
        monitors.Should().OnlyContain(i => i.Runs == 1 && i.MonitorTypeState == "UnderThreshold" && i.LastError == null);
        _api.Server.Host.InstancesOf(id).Should().ContainSingle(i => i.Workflow.Kind == Runtime.Compilation.WorkflowKind.Rule).Which.Runs.Should().Be(1);
        var key = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
        (await HealthAsync(key, id))["System.Health.EntityState"].Should().Be("Success");
    }

    [Fact]
    public async Task Restart_KeepsOneManagementServer_AndANewName_ReplacesIt()
    {
        _api = await LoopbackServer.StartAsync(serverName: "ms01.contoso.com");
        var first = _api.Server.Space.OfClass(SelfDiscovery.ManagementServerClass).Should().ContainSingle().Subject;
        first.DisplayName.Should().Be("ms01.contoso.com");
        var sequence = _api.Server.Space.LastSequence;

        await _api.StopAsync();
        await _api.StartAgainAsync();

        _api.Server.Space.OfClass(SelfDiscovery.ManagementServerClass).Should().ContainSingle().Which.Id.Should().Be(first.Id);
        _api.Server.Space.LastSequence.Should().Be(sequence, "the same server submits the same snapshot, which changes nothing");

        await _api.StopAsync();
        _api.ServerName = "ms02.contoso.com";
        await _api.StartAgainAsync();

        var renamed = _api.Server.Space.OfClass(SelfDiscovery.ManagementServerClass).Should().ContainSingle().Subject;
        renamed.DisplayName.Should().Be("ms02.contoso.com");
        renamed.Id.Should().NotBe(first.Id);
        _api.Server.Space.Get(first.Id).Should().BeNull();
        _api.Server.Space.WithProperty(SelfDiscovery.ComputerClass, "PrincipalName", "ms01.contoso.com").Should().BeEmpty("the old name's computer is no longer claimed");
    }

    [Fact]
    public async Task StoreSizeThreshold_OverriddenToOneByte_TurnsWarning_AndRaisesAnAlertWithItsKnowledge()
    {
        var overrides = Path.Combine(_packs, "Contoso.SelfMonitoring.Overrides.xml");
        await File.WriteAllTextAsync(overrides, OverridePack);
        _api = await LoopbackServer.StartAsync([overrides], "ms01.contoso.com");
        var key = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
        var id = _api.Server.Space.OfClass(SelfDiscovery.ManagementServerClass).Single().Id;

        var alerts = await WaitForAsync(key, "/api/v1/alerts", body => body.GetProperty("items").EnumerateArray()
            .Any(a => a.GetProperty("ruleOrMonitorId").GetString() == "MonitoringHost.ManagementServer.StoreSize"));

        var alert = alerts.GetProperty("items").EnumerateArray().Single();
        alert.GetProperty("monitoringObjectId").GetGuid().Should().Be(id);
        alert.GetProperty("isMonitorAlert").GetBoolean().Should().BeTrue();
        alert.GetProperty("severityName").GetString().Should().Be("Warning");
        alert.GetProperty("name").GetString().Should().Be("Operational store is large");
        alert.GetProperty("description").GetString().Should().MatchRegex(@"^The operational store of management server ms01\.contoso\.com holds [1-9][0-9]+ bytes, more than the threshold\.$");

        var tree = await HealthAsync(key, id);
        tree["MonitoringHost.ManagementServer.StoreSize"].Should().Be("Warning");
        tree["MonitoringHost.ManagementServer.StoreReachable"].Should().Be("Success");
        tree["System.Health.EntityState"].Should().Be("Warning");

        var (status, knowledge, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/alerts/{alert.GetProperty("id").GetGuid()}/knowledge", key);
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK);
        knowledge.GetProperty("elementId").GetString().Should().Be("MonitoringHost.ManagementServer.StoreSize");
        knowledge.GetProperty("language").GetString().Should().Be("ENU");
        knowledge.GetProperty("text").GetString()!.Split('\n').Should().StartWith(
            ["Summary", "The operational store has grown past the size threshold (10 GiB by default). A large store makes backups and restarts slower and may fill the disk.", "Causes"]);
        knowledge.GetProperty("content").GetString().Should().Contain("<maml:section");

        var (missing, problem, missingResponse) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/alerts/{Guid.Empty}/knowledge", key);
        missingResponse.Dispose();
        missing.Should().Be(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().Should().Be($"there is no alert {Guid.Empty}");
    }

    private const string OverridePack = """
        <ManagementPack SchemaVersion="2.0">
          <Manifest>
            <Identity><ID>Contoso.SelfMonitoring.Overrides</ID><Version>1.0.0.0</Version></Identity>
            <References>
              <Reference Alias="MSL"><ID>MonitoringHost.ManagementServer.Library</ID><Version>10.19.10050.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
              <Reference Alias="SC"><ID>Microsoft.SystemCenter.Library</ID><Version>10.19.10050.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
            </References>
          </Manifest>
          <Monitoring>
            <Overrides>
              <MonitorConfigurationOverride ID="Contoso.SelfMonitoring.StoreSizeOneByte" Context="SC!Microsoft.SystemCenter.ManagementServer" Enforced="false" Monitor="MSL!MonitoringHost.ManagementServer.StoreSize" Parameter="Threshold">
                <Value>1</Value>
              </MonitorConfigurationOverride>
            </Overrides>
          </Monitoring>
        </ManagementPack>
        """;

    private static JsonElement? Single(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.GetProperty("items") is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() == 1 ? items[0] : null;

    /// <summary>Reads <paramref name="path"/> until <paramref name="done"/> holds (30 s at most); the last body.</summary>
    private async Task<JsonElement> WaitForAsync(string key, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var (status, body, response) = await _api!.SendAsync(HttpMethod.Get, path, key);
            response.Dispose();
            status.Should().Be(HttpStatusCode.OK);
            if (done(body))
            {
                return body;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"{path} should have reached the expected state; it reads {body}");
            await Task.Delay(200);
        }
    }

    /// <summary>The object's health tree as monitor → state name.</summary>
    private Task<Dictionary<string, string>> HealthAsync(string key, Guid id) => _api!.HealthAsync(key, id);
}
