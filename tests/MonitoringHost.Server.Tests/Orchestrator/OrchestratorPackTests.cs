using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared.Orchestrator;
using MonitoringHost.Tests.Shared.WsMan;

namespace MonitoringHost.Server.Tests.Orchestrator;

/// <summary>
/// The Orchestrator pack (packs/orchestrator) end to end, on a fake clock: two Windows computers added through the
/// API with real-looking names (WinRM test endpoints on 127.0.0.1: a management server with omanagement and
/// oremoting, a runbook server with orunbook and omonitor), the Orchestrator web service double with three runbooks
/// and two runbook servers, and an override pack setting the ports of the web service and the runbook server
/// reachability check and the database. The web service URL and the reachability check keep the computers' names,
/// which do not resolve: they are reached at the addresses the computers were added with.
/// </summary>
public sealed class OrchestratorPackTests : IAsyncLifetime, IDisposable
{
    private const string Pack = "MonitoringHost.Orchestrator";
    private const string ManagementServerName = "sco01.contoso.test";
    private const string RunbookServerName = "scorb01.contoso.test";
    private const string WebServiceProfile = "MonitoringHost.Orchestrator!MonitoringHost.Orchestrator.WebServiceAccount";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private readonly string _overrides = Path.Combine(Path.GetTempPath(), $"mh-orchestrator-overrides-{Guid.NewGuid():N}.xml");
    private WsManTestEndpoint _managementServer = null!;
    private WsManTestEndpoint _runbookServer = null!;
    private OrchestratorWebService _webService = null!;
    private TcpListener _rpc = null!;
    private LoopbackServer _api = null!;
    private MonitoringHostClient _admin = null!;
    private string _reader = "";
    private Guid _restartService;
    private Guid _monitorHealth;
    private Guid _provisionVm;

    public async Task InitializeAsync()
    {
        _managementServer = await WsManTestEndpoint.StartAsync();
        _managementServer.Services =
        [
            new("WinRM", "Windows Remote Management (WS-Management)", 1188),
            new("omanagement", "Orchestrator Management Service", 2764),
            new("oremoting", "Orchestrator Remoting Service", 2812),
        ];
        _runbookServer = await WsManTestEndpoint.StartAsync();
        _runbookServer.Services =
        [
            new("WinRM", "Windows Remote Management (WS-Management)", 1188),
            new("orunbook", "Orchestrator Runbook Service", 3120),
            new("omonitor", "Orchestrator Runbook Server Monitor", 3188),
        ];
        _webService = await OrchestratorWebService.StartAsync(_time);
        _restartService = _webService.AddRunbook("Restart Service", @"\Operations\Services\Restart Service");
        _monitorHealth = _webService.AddRunbook("Monitor Service Health", @"\Operations\Services\Monitor Service Health", isMonitor: true);
        _provisionVm = _webService.AddRunbook("Provision VM", @"\Provisioning\Provision VM");
        _webService.AddRunbookServer("SCO01");
        _webService.AddRunbookServer("SCORB01");

        // Stands in for the runbook server's RPC endpoint mapper (port 135).
        _rpc = new TcpListener(IPAddress.Loopback, 0);
        _rpc.Start();
        await File.WriteAllTextAsync(_overrides, OverridePack(_webService.Port, ((IPEndPoint)_rpc.LocalEndpoint).Port));

        _api = await LoopbackServer.StartAsync([Path.Combine(RepositoryPaths.Root, "packs", "orchestrator", "MonitoringHost.Orchestrator.xml"), _overrides], time: _time);
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
        _admin = _api.ClientFor(await _api.KeyAsync("admin", ApiRole.Administrator));
        var windows = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("Windows monitoring", "Windows",
            new Dictionary<string, string> { ["UserName"] = "svc-monitor", ["Password"] = WsManTestEndpoint.DefaultPassword, ["Domain"] = "CONTOSO" }));
        await _admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(AgentlessProtocols.WsManProfile, "class", "System.Entity", windows.Id));
        var orchestrator = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("Orchestrator web service", "Windows",
            new Dictionary<string, string> { ["UserName"] = "svc-sco", ["Password"] = OrchestratorWebService.DefaultPassword, ["Domain"] = "CONTOSO" }));
        await _admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(WebServiceProfile, "class", "System.Entity", orchestrator.Id));
        await _admin.AddComputerAsync(new ManagedComputerDefinition(ManagementServerName, "wsman", "127.0.0.1", _managementServer.Port, RunAsAccount: windows.Name));
        await _admin.AddComputerAsync(new ManagedComputerDefinition(RunbookServerName, "wsman", "127.0.0.1", _runbookServer.Port, RunAsAccount: windows.Name));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _api.DisposeAsync();
        await _webService.DisposeAsync();
        await _runbookServer.DisposeAsync();
        await _managementServer.DisposeAsync();
        File.Delete(_overrides);
    }

    public void Dispose() => _rpc.Dispose();

    [Fact]
    public async Task ServersAndWebService_AreDiscovered_AStoppedServiceRaisesOneAlertThatResolves_AStoppedWebServiceAlerts()
    {
        await AdvanceUntilAsync(() => Task.FromResult(Objects("WebService").Count == 1 && Objects("RunbookServer").Count == 1 && Objects("Database").Count == 1), 30);

        Objects("ManagementServer").Select(HostName).Should().Equal(ManagementServerName);
        Objects("RunbookServer").Select(HostName).Should().Equal(RunbookServerName);
        var webService = Objects("WebService").Single();
        HostName(webService).Should().Be(ManagementServerName, "the web service is the management server's");
        webService["Url"].Should().Be($"http://{ManagementServerName}:{_webService.Port}/Orchestrator2012/Orchestrator.svc/", "the name the computer was added with; it is reached at its address");
        var database = Objects("Database").Single();
        (database["DatabaseServer"], database["DatabaseName"], database.HostId).Should().Be(("sql01.contoso.test", "Orchestrator", Objects("ManagementServer").Single().Id));

        // Every monitor of the servers and the web service turns healthy.
        var runbookServer = Objects("RunbookServer").Single().Id;
        await AdvanceUntilAsync(async () => (await HealthAsync(runbookServer)).GetValueOrDefault($"{Pack}.RunbookServer.Reachability") == "Success"
            && (await HealthAsync(webService.Id)).GetValueOrDefault($"{Pack}.WebService.Availability") == "Success", 150);
        var servers = await HealthAsync(runbookServer);
        (servers[$"{Pack}.RunbookServer.RunbookService"], servers[$"{Pack}.RunbookServer.MonitorService"]).Should().Be(("Success", "Success"));
        var management = await HealthAsync(Objects("ManagementServer").Single().Id);
        (management[$"{Pack}.ManagementServer.ManagementService"], management[$"{Pack}.ManagementServer.RemotingService"]).Should().Be(("Success", "Success"));
        (await AlertsAsync()).Should().BeEmpty();

        // The runbook service stops: its monitor turns Error with one alert; started again, it resolves.
        _runbookServer.Service("orunbook").Stop();
        await AdvanceUntilAsync(async () => (await HealthAsync(runbookServer))[$"{Pack}.RunbookServer.RunbookService"] == "Error", 40);
        await AdvanceAsync(60);
        var alert = (await AlertsAsync()).Should().ContainSingle().Subject;
        (alert.GetProperty("monitoringObjectId").GetGuid(), alert.GetProperty("ruleOrMonitorId").GetString(), alert.GetProperty("name").GetString())
            .Should().Be((runbookServer, $"{Pack}.RunbookServer.RunbookService", "Orchestrator service stopped"));
        alert.GetProperty("description").GetString().Should().Be($"Orchestrator Runbook Service (orunbook) is not running on {RunbookServerName} (state 1).");
        (await HealthAsync(runbookServer))[$"{Pack}.RunbookServer.MonitorService"].Should().Be("Success");
        _runbookServer.Service("orunbook").Start();
        await AdvanceUntilAsync(async () => (await HealthAsync(runbookServer))[$"{Pack}.RunbookServer.RunbookService"] == "Success", 40);
        await _api.Server.Engine.FlushAsync();
        var resolved = (await AlertsAsync()).Should().ContainSingle().Subject;
        (resolved.GetProperty("resolutionState").GetInt32(), resolved.GetProperty("resolvedBy").GetString()).Should().Be((255, "System"));

        // The web service's application pool stops (503): the availability monitor alerts, and resolves once it is back.
        _webService.Stop();
        await AdvanceUntilAsync(async () => (await HealthAsync(webService.Id))[$"{Pack}.WebService.Availability"] == "Error", 70);
        await _api.Server.Engine.FlushAsync();
        var unavailable = (await AlertsAsync()).Where(a => a.GetProperty("resolutionState").GetInt32() != 255).Should().ContainSingle().Subject;
        (unavailable.GetProperty("monitoringObjectId").GetGuid(), unavailable.GetProperty("name").GetString()).Should().Be((webService.Id, "Orchestrator web service unavailable"));
        unavailable.GetProperty("description").GetString().Should().Be($"{webService["Url"]} does not answer: Responded 503 ");
        _webService.Start();
        await AdvanceUntilAsync(async () => (await HealthAsync(webService.Id))[$"{Pack}.WebService.Availability"] == "Success", 70);
        await _api.Server.Engine.FlushAsync();
        (await AlertsAsync()).Should().OnlyContain(a => a.GetProperty("resolutionState").GetInt32() == 255);

        // The response time is collected.
        await AdvanceAsync(300);
        var (_, samples, samplesResponse) = await _api.SendAsync(HttpMethod.Get,
            $"/api/v1/objects/{webService.Id}/performance?objectName=Orchestrator%20Web%20Service&counterName=Response%20Time%20(ms)", _reader);
        samplesResponse.Dispose();
        samples.GetProperty("items").GetArrayLength().Should().BePositive();

        // The web service answers in 6 s (over the 5 s threshold): the response time monitor warns with one alert; fast again, it resolves.
        _webService.OnServiceRootRequest = () => _time.Advance(TimeSpan.FromSeconds(6));
        await AdvanceUntilAsync(async () => (await HealthAsync(webService.Id))[$"{Pack}.WebService.ResponseTime"] == "Warning", 310);
        await _api.Server.Engine.FlushAsync();
        var slow = (await AlertsAsync()).Where(a => a.GetProperty("resolutionState").GetInt32() != 255).Should().ContainSingle().Subject;
        (slow.GetProperty("monitoringObjectId").GetGuid(), slow.GetProperty("name").GetString(), slow.GetProperty("severity").GetInt32())
            .Should().Be((webService.Id, "Orchestrator web service slow", 1), "severity 1 is Warning");
        var took = slow.GetProperty("description").GetString()!;
        took.Should().StartWith($"{webService["Url"]} took ").And.EndWith(" ms to answer.");
        double.Parse(took.Split(' ')[2], CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(6000);
        (await HealthAsync(webService.Id))[$"{Pack}.WebService.Availability"].Should().Be("Success", "a slow answer is still an answer");
        _webService.OnServiceRootRequest = null;
        await AdvanceUntilAsync(async () => (await HealthAsync(webService.Id))[$"{Pack}.WebService.ResponseTime"] == "Success", 310);
        await _api.Server.Engine.FlushAsync();
        (await AlertsAsync()).Should().OnlyContain(a => a.GetProperty("resolutionState").GetInt32() == 255);

        // The RPC port stops answering: the runbook server is unreachable, with one alert.
        _rpc.Stop();
        await AdvanceUntilAsync(async () => (await HealthAsync(runbookServer))[$"{Pack}.RunbookServer.Reachability"] == "Error", 130);
        await _api.Server.Engine.FlushAsync();
        (await AlertsAsync()).Where(a => a.GetProperty("resolutionState").GetInt32() != 255).Should().ContainSingle()
            .Which.GetProperty("name").GetString().Should().Be("Orchestrator runbook server cannot be reached");
    }

    [Fact]
    public async Task Runbooks_AreDiscovered_AFailedRunAlertsOnItsRunbookOnly_ASuccessResolves_ReportedFailuresAlert_ADeletedRunbookGoes()
    {
        // The web service as installed: Windows authentication only, so the feeds are read with NTLM.
        _webService.BasicEnabled = false;
        await AdvanceUntilAsync(() => Task.FromResult(Objects("Runbook").Count == 3 && Objects("RegisteredRunbookServer").Count == 2), 30);

        var webService = Objects("WebService").Single();
        Objects("Runbook").Select(r => (r["Id"], r["Name"], r["Path"], r["IsMonitor"], r["FolderId"], r.DisplayName, r.HostId)).Should().BeEquivalentTo(
        [
            (_restartService.ToString(), "Restart Service", @"\Operations\Services\Restart Service", "false", _webService.Runbook(_restartService).FolderId.ToString(), "Restart Service", (Guid?)webService.Id),
            (_monitorHealth.ToString(), "Monitor Service Health", @"\Operations\Services\Monitor Service Health", "true", _webService.Runbook(_monitorHealth).FolderId.ToString(), "Monitor Service Health", (Guid?)webService.Id),
            (_provisionVm.ToString(), "Provision VM", @"\Provisioning\Provision VM", "false", _webService.Runbook(_provisionVm).FolderId.ToString(), "Provision VM", (Guid?)webService.Id),
        ]);
        Objects("RegisteredRunbookServer").Select(s => s["Name"]).Should().BeEquivalentTo("SCO01", "SCORB01");

        // Everything runs from the management server for these agentless-managed computers (every workflow is remotable).
        (await PackWorkflowsAsync(webService.Id)).Should().BeEquivalentTo(
            ["WebService.Availability", "WebService.ResponseTime", "WebService.ResponseTime.Collection", "Runbook.Discovery", "RegisteredRunbookServer.Discovery"]);
        (await PackWorkflowsAsync(Runbook(_restartService))).Should().BeEquivalentTo(["Runbook.LastRun", "Runbook.ReportedFailure"]);

        // Restart Service fails: its runbook monitor turns Error with one alert on that runbook only.
        var restart = Runbook(_restartService);
        var provision = Runbook(_provisionVm);
        var failedJob = _webService.StartJob(_restartService);
        _time.Advance(TimeSpan.FromSeconds(5));
        _webService.CompleteJob(failedJob, "failed");
        _webService.CompleteJob(_webService.StartJob(_provisionVm), "success");
        await AdvanceUntilAsync(async () => (await HealthAsync(restart))[$"{Pack}.Runbook.LastRun"] == "Error", 310);
        await AdvanceUntilAsync(async () => (await HealthAsync(provision))[$"{Pack}.Runbook.LastRun"] == "Success", 310);
        await AdvanceAsync(30);
        var alert = (await AlertsAsync()).Should().ContainSingle().Subject;
        (alert.GetProperty("monitoringObjectId").GetGuid(), alert.GetProperty("ruleOrMonitorId").GetString(), alert.GetProperty("name").GetString())
            .Should().Be((restart, $"{Pack}.Runbook.LastRun", "Orchestrator runbook failed"));
        alert.GetProperty("description").GetString().Should().StartWith(@"The latest run of runbook Restart Service (\Operations\Services\Restart Service) failed at ")
            .And.Contain($"(job {failedJob}, instance ");

        // A warning is a Warning state, no alert; the next success resolves the failure's alert.
        _webService.CompleteJob(_webService.StartJob(_provisionVm), "warning");
        _webService.CompleteJob(_webService.StartJob(_restartService), "success");
        await AdvanceUntilAsync(async () => (await HealthAsync(restart))[$"{Pack}.Runbook.LastRun"] == "Success"
            && (await HealthAsync(provision))[$"{Pack}.Runbook.LastRun"] == "Warning", 310);
        await _api.Server.Engine.FlushAsync();
        var resolved = (await AlertsAsync()).Should().ContainSingle().Subject;
        (resolved.GetProperty("resolutionState").GetInt32(), resolved.GetProperty("resolvedBy").GetString()).Should().Be((255, "System"));

        // A runbook reports a failure itself: the very first event alerts on it; a second is a repeat of that alert.
        var monitor = Runbook(_monitorHealth);
        var operatorKey = await _api.KeyAsync("runbook", ApiRole.Operator);
        var events = """[ { "eventNumber": 1, "level": "Error", "source": "Orchestrator", "description": "Copy File failed", "parameters": ["Copy File", "Access is denied."] } ]""";
        var (status, inserted, insertedResponse) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/objects/{monitor}/events", operatorKey, events);
        insertedResponse.Dispose();
        status.Should().Be(HttpStatusCode.OK, inserted.ToString());
        await _api.Server.Engine.FlushAsync();
        var reported = (await AlertsAsync()).Where(a => a.GetProperty("ruleOrMonitorId").GetString() == $"{Pack}.Runbook.ReportedFailure").Should().ContainSingle().Subject;
        (reported.GetProperty("monitoringObjectId").GetGuid(), reported.GetProperty("name").GetString(), reported.GetProperty("repeatCount").GetInt32())
            .Should().Be((monitor, "Orchestrator runbook reported a failure", 0));
        reported.GetProperty("description").GetString().Should().Be("Runbook Monitor Service Health reported a failure: Copy File failed (activity: Copy File; error: Access is denied.) ");
        (status, inserted, insertedResponse) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/objects/{monitor}/events", operatorKey, events);
        insertedResponse.Dispose();
        status.Should().Be(HttpStatusCode.OK, inserted.ToString());
        await _api.Server.Engine.FlushAsync();
        reported = (await AlertsAsync()).Where(a => a.GetProperty("ruleOrMonitorId").GetString() == $"{Pack}.Runbook.ReportedFailure").Should().ContainSingle().Subject;
        reported.GetProperty("repeatCount").GetInt32().Should().Be(1, "the second occurrence repeats the first (two in all)");

        // While the web service is down (503) the runbook discovery reads nothing: no runbook disappears, no runbook monitor changes.
        _webService.Stop();
        await AdvanceAsync(905);
        Objects("Runbook").Should().HaveCount(3);
        (await HealthAsync(restart))[$"{Pack}.Runbook.LastRun"].Should().Be("Success");
        _api.Server.Host.InstancesOf(webService.Id).Single(i => i.Workflow.Id.EndsWith(".Runbook.Discovery", StringComparison.Ordinal)).LastError
            .Should().Contain("503");
        _webService.Start();

        // Provision VM is deleted in Orchestrator: it is gone after the next runbook discovery (15 minutes).
        _webService.RemoveRunbook(_provisionVm).Should().BeTrue();
        await AdvanceUntilAsync(() => Task.FromResult(Objects("Runbook").Count == 2), 910);
        Objects("Runbook").Select(r => r["Name"]).Should().BeEquivalentTo("Restart Service", "Monitor Service Health");
        _webService.NtlmSignIns.Should().BePositive("every read signed in with NTLM");
    }

    private static string OverridePack(int webServicePort, int rpcPort) => string.Create(CultureInfo.InvariantCulture, $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <ManagementPack SchemaVersion="2.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <Manifest>
            <Identity><ID>Test.Orchestrator.Overrides</ID><Version>1.0.0.0</Version></Identity>
            <Name>Orchestrator overrides of the test deployment</Name>
            <References>
              <Reference Alias="Windows"><ID>Microsoft.Windows.Library</ID><Version>10.19.10050.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
              <Reference Alias="Orch"><ID>MonitoringHost.Orchestrator</ID><Version>1.0.0.0</Version></Reference>
            </References>
          </Manifest>
          <Monitoring>
            <Overrides>
              <DiscoveryConfigurationOverride ID="Test.Orchestrator.WebService.Port" Context="Windows!Microsoft.Windows.Computer" Enforced="false" Discovery="Orch!MonitoringHost.Orchestrator.WebService.Discovery" Module="DS" Parameter="Port">
                <Value>{{webServicePort}}</Value>
              </DiscoveryConfigurationOverride>
              <DiscoveryPropertyOverride ID="Test.Orchestrator.Database.Enabled" Context="Orch!MonitoringHost.Orchestrator.ManagementServer" Enforced="false" Discovery="Orch!MonitoringHost.Orchestrator.Database.Discovery" Property="Enabled">
                <Value>true</Value>
              </DiscoveryPropertyOverride>
              <DiscoveryConfigurationOverride ID="Test.Orchestrator.Database.Server" Context="Orch!MonitoringHost.Orchestrator.ManagementServer" Enforced="false" Discovery="Orch!MonitoringHost.Orchestrator.Database.Discovery" Module="DS" Parameter="DatabaseServer">
                <Value>sql01.contoso.test</Value>
              </DiscoveryConfigurationOverride>
              <MonitorConfigurationOverride ID="Test.Orchestrator.Rpc.Port" Context="Orch!MonitoringHost.Orchestrator.RunbookServer" Enforced="false" Monitor="Orch!MonitoringHost.Orchestrator.RunbookServer.Reachability" Parameter="Port">
                <Value>{{rpcPort}}</Value>
              </MonitorConfigurationOverride>
            </Overrides>
          </Monitoring>
        </ManagementPack>
        """);

    private List<Discovery.Instances.MonitoringObject> Objects(string className) => [.. _api.Server.Space.OfClass($"{Pack}.{className}")];

    private Guid Runbook(Guid runbookId) => Objects("Runbook").Single(r => r["Id"] == runbookId.ToString()).Id;

    private string? HostName(Discovery.Instances.MonitoringObject role) => _api.Server.Space.Get(role.HostId!.Value)!["PrincipalName"];

    private Task AdvanceAsync(int seconds) => _api.AdvanceAsync(_time, seconds);

    private Task AdvanceUntilAsync(Func<Task<bool>> done, int seconds) =>
        _api.AdvanceUntilAsync(_time, done, seconds, () => Objects("WebService").Concat(Objects("Runbook")).Concat(Objects("RunbookServer"))
            .SelectMany(o => _api.Server.Host.InstancesOf(o.Id)).Where(i => i.LastError != null).Select(i => $"{i.Workflow.Id}: {i.LastError}"));

    /// <summary>The pack's workflows that run for the object (by the effective view), without the pack's prefix; fails on one that does not.</summary>
    private async Task<List<string>> PackWorkflowsAsync(Guid id)
    {
        var (_, body, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{id}/workflows", _reader);
        response.Dispose();
        var workflows = body.GetProperty("items").EnumerateArray().Where(w => w.GetProperty("workflowId").GetString()!.StartsWith($"{Pack}!", StringComparison.Ordinal)).ToList();
        workflows.Should().OnlyContain(w => w.GetProperty("runs").GetBoolean(), body.ToString());
        return [.. workflows.Select(w => w.GetProperty("workflowId").GetString()![(Pack.Length * 2 + 2)..])];
    }

    /// <summary>The alerts of the Orchestrator pack's workflows.</summary>
    private async Task<List<JsonElement>> AlertsAsync()
    {
        var (_, body, response) = await _api.SendAsync(HttpMethod.Get, "/api/v1/alerts", _reader);
        response.Dispose();
        return [.. body.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("ruleOrMonitorId").GetString()!.StartsWith($"{Pack}.", StringComparison.Ordinal))];
    }

    private Task<Dictionary<string, string>> HealthAsync(Guid id) => _api.HealthAsync(_reader, id);
}
