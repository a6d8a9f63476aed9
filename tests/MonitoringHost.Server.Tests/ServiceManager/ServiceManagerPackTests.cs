using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared.WsMan;

namespace MonitoringHost.Server.Tests.ServiceManager;

/// <summary>
/// <c>packs/servicemanager</c> end to end, with no agent anywhere: a Service Manager management server, a data
/// warehouse management server and an Operations Manager management server (the same service names, another
/// PathName), each a WinRM test endpoint added through <c>POST /api/v1/computers</c> under a real-looking name; their
/// roles discovered over WS-Man, a stopped service and a closed SDK port alerting once and resolving themselves, a
/// workflow failure event read from the Operations Manager log raising an alert, and the one non-remotable rule not
/// running, on a fake clock.
/// </summary>
public sealed class ServiceManagerPackTests : IAsyncLifetime
{
    private const string Pack = "MonitoringHost.ServiceManager";
    private const string ManagementServerClass = "MonitoringHost.ServiceManager.ManagementServer";
    private const string DataWarehouseClass = "MonitoringHost.ServiceManager.DataWarehouseServer";
    private const string SmFolder = @"C:\Program Files\Microsoft System Center\Service Manager\";
    private const string LocalRule = Pack + "!MonitoringHost.ServiceManager.WorkflowEvents.LocalCollection";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private readonly List<WsManTestEndpoint> _endpoints = [];
    private WsManTestEndpoint _sm = null!;
    private WsManTestEndpoint _dw = null!;
    private WsManTestEndpoint _om = null!;
    private TcpListener _sdk = null!;
    private int _sdkPort;
    private string _overrides = "";
    private LoopbackServer _api = null!;
    private string _reader = "";

    public async Task InitializeAsync()
    {
        _sm = await StartWindowsAsync(ServiceManagerServices());
        _dw = await StartWindowsAsync(ServiceManagerServices());
        _dw.Files = [SmFolder + "Microsoft.EnterpriseManagement.Warehouse.Cmdlets.psd1"];
        _om = await StartWindowsAsync(
        [
            new("OMSDK", "System Center Data Access Service", 3412, pathName: "\"C:\\Program Files\\Microsoft System Center\\Operations Manager\\Server\\Microsoft.Mom.Sdk.ServiceHost.exe\""),
            new("HealthService", "Microsoft Monitoring Agent", 3344, pathName: "\"C:\\Program Files\\Microsoft System Center\\Operations Manager\\Server\\HealthService.exe\""),
            new("cshost", "System Center Management Configuration", 3460, pathName: "\"C:\\Program Files\\Microsoft System Center\\Operations Manager\\Server\\cshost.exe\""),
        ]);
        _sdk = Listen(0);
        _sdkPort = ((IPEndPoint)_sdk.LocalEndpoint).Port;

        // The SDK port is an override, as a deployment on another port would set it.
        _overrides = Path.Combine(Path.GetTempPath(), $"sm-overrides-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(_overrides, $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <ManagementPack SchemaVersion="2.0">
              <Manifest>
                <Identity><ID>Contoso.ServiceManager.Overrides</ID><Version>1.0.0.0</Version></Identity>
                <Name>Service Manager overrides</Name>
                <References>
                  <Reference Alias="SM"><ID>MonitoringHost.ServiceManager</ID><Version>1.0.0.0</Version></Reference>
                </References>
              </Manifest>
              <Monitoring>
                <Overrides>
                  <MonitorConfigurationOverride ID="Contoso.ServiceManager.SdkPort.Port" Context="SM!MonitoringHost.ServiceManager.ManagementServer" Enforced="false" Monitor="SM!MonitoringHost.ServiceManager.SdkPort" Parameter="Port">
                    <Value>{{_sdkPort}}</Value>
                  </MonitorConfigurationOverride>
                </Overrides>
              </Monitoring>
            </ManagementPack>
            """);
        _api = await LoopbackServer.StartAsync([Path.Combine(RepositoryPaths.Root, "packs", "servicemanager", "MonitoringHost.ServiceManager.xml"), _overrides], time: _time);
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _sdk.Dispose();
        foreach (var endpoint in _endpoints)
        {
            await endpoint.DisposeAsync();
        }

        File.Delete(_overrides);
    }

    [Fact]
    public async Task RolesDiscovered_ServicePortAndWorkflowFailuresAlert_NonRemotableRuleDoesNotRun()
    {
        using var admin = _api.ClientFor(await _api.KeyAsync("admin", ApiRole.Administrator));
        var account = await admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("Service Manager monitoring", "Windows",
            new Dictionary<string, string> { ["UserName"] = "svc-monitor", ["Password"] = WsManTestEndpoint.DefaultPassword, ["Domain"] = "CONTOSO" }));
        var sm = await admin.AddComputerAsync(new ManagedComputerDefinition("scsm01.contoso.com", "wsman", "127.0.0.1", _sm.Port, RunAsAccount: account.Name));
        var dw = await admin.AddComputerAsync(new ManagedComputerDefinition("scsmdw01.contoso.com", "wsman", "127.0.0.1", _dw.Port, RunAsAccount: account.Name));
        var om = await admin.AddComputerAsync(new ManagedComputerDefinition("scom01.contoso.com", "wsman", "127.0.0.1", _om.Port, RunAsAccount: account.Name));

        // The roles' own workflows run on objects hosted by the computers: the account given with each computer serves them.

        // Discovery runs at once: the Service Manager servers by their OMSDK PathName, the warehouse by its module.
        await AdvanceUntilAsync(() => Task.FromResult(Objects(ManagementServerClass).Count == 2 && Objects(DataWarehouseClass).Count == 1), 30);
        Objects(ManagementServerClass).Select(o => o.HostId).Should().BeEquivalentTo([sm.ObjectId, dw.ObjectId], "the Operations Manager server runs OMSDK from its own folder");
        Objects(DataWarehouseClass).Single().HostId.Should().Be(dw.ObjectId);
        Objects(DataWarehouseClass).Single()["WarehouseModulePath"].Should().Be(@"c:\program files\microsoft system center\service manager\microsoft.enterprisemanagement.warehouse.cmdlets.psd1");
        var server = Objects(ManagementServerClass).Single(o => o.HostId == sm.ObjectId);
        server["DataAccessServicePath"].Should().Be($"\"{SmFolder}Microsoft.Mom.Sdk.ServiceHost.exe\"");
        _api.Server.Space.OfClass(ManagementServerClass).Concat(_api.Server.Space.OfClass(DataWarehouseClass)).Should().NotContain(o => o.HostId == om.ObjectId);

        // Every monitor runs from here and finds the servers healthy; no alert.
        await AdvanceUntilAsync(async () => (await HealthAsync(server.Id)).Count(h => h.Key.StartsWith("MonitoringHost.ServiceManager.", StringComparison.Ordinal) && h.Value == "Success") == 4, 90);
        (await AlertsAsync()).Should().BeEmpty();

        // OMSDK stops on the Service Manager server: Error and one alert; started again: resolved.
        _sm.Service("OMSDK").Stop();
        await AdvanceUntilAsync(async () => (await HealthAsync(server.Id))["MonitoringHost.ServiceManager.DataAccessService.Running"] == "Error", 40);
        await AdvanceAsync(60);
        var stopped = (await AlertsAsync()).Should().ContainSingle().Subject;
        (stopped.GetProperty("monitoringObjectId").GetGuid(), stopped.GetProperty("ruleOrMonitorId").GetString(), stopped.GetProperty("name").GetString())
            .Should().Be((server.Id, "MonitoringHost.ServiceManager.DataAccessService.Running", "Service Manager service stopped"));
        stopped.GetProperty("description").GetString().Should().Be("System Center Data Access Service (OMSDK) is not running on scsm01.contoso.com (state 1).");
        (await HealthAsync(server.Id))["MonitoringHost.ServiceManager.ManagementService.Running"].Should().Be("Success");
        _sm.Service("OMSDK").Start();
        await AdvanceUntilAsync(async () => (await HealthAsync(server.Id))["MonitoringHost.ServiceManager.DataAccessService.Running"] == "Success", 40);
        await _api.Server.Engine.FlushAsync();
        var resolved = (await AlertsAsync()).Should().ContainSingle().Subject;
        (resolved.GetProperty("resolutionState").GetInt32(), resolved.GetProperty("resolvedBy").GetString()).Should().Be((255, "System"));

        // The SDK port closes: Error and one alert naming the port; it opens again: resolved.
        _sdk.Stop();
        await AdvanceUntilAsync(async () => (await HealthAsync(server.Id))["MonitoringHost.ServiceManager.SdkPort"] == "Error", 70);
        await _api.Server.Engine.FlushAsync();
        var port = (await AlertsAsync()).Where(a => a.GetProperty("ruleOrMonitorId").GetString() == "MonitoringHost.ServiceManager.SdkPort").ToList();
        port.Where(a => a.GetProperty("monitoringObjectId").GetGuid() == server.Id).Should().ContainSingle()
            .Which.GetProperty("description").GetString().Should().StartWith($"scsm01.contoso.com does not accept connections on the SDK port {_sdkPort} (status ");
        _sdk = Listen(_sdkPort);
        await AdvanceUntilAsync(async () => (await HealthAsync(server.Id))["MonitoringHost.ServiceManager.SdkPort"] == "Success", 70);
        await _api.Server.Engine.FlushAsync();
        (await AlertsAsync()).Where(a => a.GetProperty("resolutionState").GetInt32() != 255).Should().BeEmpty();

        // A workflow fails: its event in the Operations Manager log raises an alert; other events do not.
        _sm.Log("Operations Manager", 1234, "OpsMgr SDK Service", 3, _time.GetUtcNow(), "The System Center Data Access service started.");
        _sm.Log("Operations Manager", 33880, "SMCMDB Subsystem", 1, _time.GetUtcNow(), "Workflow Incident_Assigned_To_User_Custom failed: access denied.");
        await AdvanceUntilAsync(async () => (await AlertsAsync()).Any(a => a.GetProperty("ruleOrMonitorId").GetString() == "MonitoringHost.ServiceManager.WorkflowFailure.Alert"), 70);
        var failure = (await AlertsAsync()).Where(a => a.GetProperty("ruleOrMonitorId").GetString() == "MonitoringHost.ServiceManager.WorkflowFailure.Alert").Should().ContainSingle().Subject;
        (failure.GetProperty("monitoringObjectId").GetGuid(), failure.GetProperty("name").GetString(), failure.GetProperty("resolutionState").GetInt32())
            .Should().Be((server.Id, "Service Manager workflow failed", 0));
        failure.GetProperty("description").GetString().Should().Be("scsm01.contoso.com logged workflow failure event 33880 (SMCMDB Subsystem): Workflow Incident_Assigned_To_User_Custom failed: access denied.");
        await AdvanceAsync(130);
        (await AlertsAsync()).Where(a => a.GetProperty("ruleOrMonitorId").GetString() == "MonitoringHost.ServiceManager.WorkflowFailure.Alert")
            .Should().ContainSingle("an event read once is not read again").Which.GetProperty("repeatCount").GetInt32().Should().Be(0);

        // The effective view: the local-agent rule is listed as not run, and never ran; every other workflow ran.
        foreach (var (computer, role) in new[] { (sm.ObjectId, server.Id), (dw.ObjectId, Objects(ManagementServerClass).Single(o => o.HostId == dw.ObjectId).Id) })
        {
            var workflows = await admin.GetWorkflowsAsync(role);
            var local = workflows.Should().ContainSingle(w => w.WorkflowId == LocalRule).Subject;
            (local.Runs, local.RunCount).Should().Be((false, 0));
            local.Reason.Should().Be("not remotable: it runs only where an agent is, and this object is on an agentless-managed computer");
            workflows.Where(w => w.WorkflowId.StartsWith(Pack + "!", StringComparison.Ordinal) && w.WorkflowId != LocalRule)
                .Should().HaveCount(5).And.OnlyContain(w => w.Runs && w.RunCount > 0 && w.LastError == null);
            (await admin.GetWorkflowsAsync(computer)).Where(w => w.WorkflowId.StartsWith(Pack + "!", StringComparison.Ordinal))
                .Should().HaveCount(2).And.OnlyContain(w => w.Kind == "Discovery" && w.Runs && w.RunCount > 0 && w.LastError == null);
        }

        var (_, listed, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{server.Id}/workflows", _reader);
        response.Dispose();
        var item = listed.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("workflowId").GetString() == LocalRule);
        (item.GetProperty("runs").GetBoolean(), item.GetProperty("reason").GetString()!).Should().Be((false, "not remotable: it runs only where an agent is, and this object is on an agentless-managed computer"));
        _api.Server.Host.InstancesOf(server.Id).Should().NotContain(i => i.Workflow.Id == LocalRule);
    }

    private static List<TestWindowsService> ServiceManagerServices() =>
    [
        new("WinRM", "Windows Remote Management (WS-Management)", 1188),
        new("OMSDK", "System Center Data Access Service", 3412, pathName: $"\"{SmFolder}Microsoft.Mom.Sdk.ServiceHost.exe\""),
        new("HealthService", "Microsoft Monitoring Agent", 3344, pathName: $"\"{SmFolder}HealthService.exe\""),
        new("OMCFG", "System Center Management Configuration", 3460, pathName: $"\"{SmFolder}Microsoft.Mom.ConfigServiceHost.exe\""),
    ];

    private async Task<WsManTestEndpoint> StartWindowsAsync(List<TestWindowsService> services)
    {
        var endpoint = await WsManTestEndpoint.StartAsync();
        endpoint.Services = services;
        _endpoints.Add(endpoint);
        return endpoint;
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private List<Discovery.Instances.MonitoringObject> Objects(string className) => [.. _api.Server.Space.OfClass(className)];

    /// <summary>Moves the clock a second at a time, letting each second's runs and their results finish.</summary>
    private async Task AdvanceAsync(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await _api.SettleAsync();
        }
    }

    private async Task AdvanceUntilAsync(Func<Task<bool>> done, int seconds)
    {
        for (var i = 0; i < seconds && !await done(); i++)
        {
            await AdvanceAsync(1);
        }

        var errors = Objects(ManagementServerClass).Concat(Objects(DataWarehouseClass)).SelectMany(o => _api.Server.Host.InstancesOf(o.Id)).Select(i => i.LastError).OfType<string>();
        (await done()).Should().BeTrue($"the condition should hold within {seconds} s; last errors: {string.Join("; ", errors)}");
    }

    /// <summary>The alerts of this pack's rules and monitors (the computers' availability monitors are another pack's).</summary>
    private Task<List<JsonElement>> AlertsAsync() => _api.AlertsOfAsync(_reader, "MonitoringHost.ServiceManager.");

    private Task<Dictionary<string, string>> HealthAsync(Guid id) => _api.HealthAsync(_reader, id);
}
