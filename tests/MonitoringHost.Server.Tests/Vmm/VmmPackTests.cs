using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared.WsMan;

namespace MonitoringHost.Server.Tests.Vmm;

/// <summary>
/// <c>packs/vmm/MonitoringHost.VirtualMachineManager.xml</c> end to end, on a fake clock: the VMM management server
/// found over WS-Man on a computer added through the API (a WinRM test endpoint serving SCVMMService and SCVMMAgent),
/// its services and console port monitored; an SDK client playing VMM pushes hosts, a host group, a cloud and virtual
/// machines, inserts their state events and mirrors host maintenance; a connector subscribed to the PRO class gets
/// the PRO tips.
/// </summary>
public sealed class VmmPackTests : IAsyncLifetime, IDisposable
{
    private const string Pack = "MonitoringHost.VirtualMachineManager";
    private const string ServerClass = Pack + ".ManagementServer";
    private const string HostClass = Pack + ".VirtualizationHost";
    private const string VmClass = Pack + ".VirtualMachine";
    private const string HostGroupClass = Pack + ".HostGroup";
    private const string CloudClass = Pack + ".Cloud";
    private const string ProClass = Pack + ".ProTarget";
    private const string VmmServerName = "vmm01.contoso.com";
    private const string Password = "Vmm-W1nRM-Pässwort";
    private const int VmRunning = 10100;
    private const int VmFailed = 10101;
    private const int VmSaved = 10102;
    private const int HostNotResponding = 10201;

    private static readonly string PackPath = Path.Combine(RepositoryPaths.Root, "packs", "vmm", Pack + ".xml");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private readonly string _overrides = Path.Combine(Path.GetTempPath(), $"mh-vmm-overrides-{Guid.NewGuid():N}.xml");
    private TcpListener _console = null!;
    private Task _accepting = Task.CompletedTask;
    private LoopbackServer _api = null!;
    private MonitoringHostClient _admin = null!;
    private MonitoringHostClient _vmm = null!;
    private MonitoringHostClient _reader = null!;
    private string _readerKey = "";

    public async Task InitializeAsync()
    {
        _console = new TcpListener(IPAddress.Loopback, 0);
        _console.Start();
        _accepting = AcceptAsync(_console);
        await File.WriteAllTextAsync(_overrides, Overrides(((IPEndPoint)_console.LocalEndpoint).Port));
        _api = await LoopbackServer.StartAsync([PackPath, _overrides], time: _time);
        _admin = _api.ClientFor(await _api.KeyAsync("admin", ApiRole.Administrator));
        _vmm = _api.ClientFor(await _api.KeyAsync("vmm", ApiRole.Operator));
        _readerKey = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
        _reader = _api.ClientFor(_readerKey);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _vmm.Dispose();
        _reader.Dispose();
        await _api.DisposeAsync();
        _console.Stop();
        await _accepting;
        File.Delete(_overrides);
    }

    public void Dispose() => _console.Dispose();

    [Fact]
    public void Pack_ValidatesWithTheShippedLibraries_WithoutErrorsOrWarnings()
    {
        var libraries = ShippedLibraries.Read(RepositoryPaths.Libraries);
        var loaded = PackSetLoader.Load([Path.GetDirectoryName(PackPath)!], libraries.Packs);

        libraries.Problems.AddRange(loaded.Problems).Select(p => p.ToString()).Should().BeEmpty();
        (loaded.Summary.Packs, loaded.Summary.Classes, loaded.Summary.Workflows, loaded.Summary.Errors, loaded.Summary.Warnings).Should().Be((1, 6, 6, 0, 0));
    }

    [Fact]
    public async Task VmmServer_IsDiscoveredOverWsMan_ServiceAndConsolePortAlertsRaiseOnceAndResolve()
    {
        await using var vmmServer = await WsManTestEndpoint.StartAsync("CONTOSO\\svc-monitor", Password);
        vmmServer.Services = [new("SCVMMService", "Virtual Machine Manager", 2240), new("SCVMMAgent", "Virtual Machine Manager Agent", 2312), new("WinRM", "Windows Remote Management (WS-Management)", 1188)];
        await using var other = await WsManTestEndpoint.StartAsync("CONTOSO\\svc-monitor", Password);
        var pro = await RegisterProConnectorAsync();
        var account = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("VMM WinRM", "Windows",
            new Dictionary<string, string> { ["UserName"] = "svc-monitor", ["Password"] = Password, ["Domain"] = "CONTOSO" }));

        // The account given with the computer serves its discovery and the VMM server object it hosts.
        var computer = await _admin.AddComputerAsync(new ManagedComputerDefinition(VmmServerName, "wsman", "127.0.0.1", vmmServer.Port, RunAsAccount: "VMM WinRM"));
        await _admin.AddComputerAsync(new ManagedComputerDefinition("sco01.contoso.com", "wsman", "127.0.0.1", other.Port, RunAsAccount: "VMM WinRM"));

        // Discovered as soon as the computers are there: only where SCVMMService is installed.
        await AdvanceUntilAsync(() => Task.FromResult(Servers().Count == 1 && ServerMonitors().Count == 3 && ServerMonitors().All(i => i.Runs > 0)), 90);
        var server = Servers().Single();
        var computerObject = _api.Server.Space.WithProperty("Microsoft.Windows.Computer", "PrincipalName", VmmServerName).Single();
        (server.HostId, server.DisplayName, server["ServerName"], server["ServiceDisplayName"]).Should().Be((computerObject.Id, VmmServerName, VmmServerName, "Virtual Machine Manager"));
        computer.Name.Should().Be(VmmServerName);
        ServerMonitors().Should().OnlyContain(i => i.LastError == null);
        var health = await HealthAsync(server.Id);
        (health[Pack + ".ManagementServer.ServiceRunning"], health[Pack + ".ManagementServer.AgentRunning"], health[Pack + ".ManagementServer.ConsolePort"])
            .Should().Be(("Success", "Success", "Success"));
        (await PackAlertsAsync()).Should().BeEmpty();

        // SCVMMService stops: Critical and exactly one alert, which resolves itself when the service runs again.
        vmmServer.Service("SCVMMService").Stop();
        await AdvanceUntilAsync(async () => (await HealthAsync(server.Id))[Pack + ".ManagementServer.ServiceRunning"] == "Error", 40);
        await AdvanceAsync(60);
        (await HealthAsync(server.Id))[Pack + ".ManagementServer.AgentRunning"].Should().Be("Success");
        var alert = (await PackAlertsAsync()).Should().ContainSingle().Subject;
        (alert.Name, alert.Description, alert.MonitoringObjectId, alert.Severity, alert.Priority, alert.ResolutionState).Should().Be((
            "Virtual Machine Manager service stopped", $"The Virtual Machine Manager service (SCVMMService) on {VmmServerName} is not running (state 1).",
            server.Id, Severity.Error, Priority.High, 0));
        vmmServer.Service("SCVMMService").Start();
        await AdvanceUntilAsync(async () => (await HealthAsync(server.Id))[Pack + ".ManagementServer.ServiceRunning"] == "Success", 40);
        await _api.Server.Engine.FlushAsync();
        var resolved = await _reader.GetAlertAsync(alert.Id);
        (resolved.ResolutionState, resolved.ResolvedBy).Should().Be((255, "System"));

        // The console port stops answering: its monitor turns Critical with one alert saying where.
        var consolePort = ((IPEndPoint)_console.LocalEndpoint).Port;
        _console.Stop();
        await AdvanceUntilAsync(async () => (await HealthAsync(server.Id))[Pack + ".ManagementServer.ConsolePort"] == "Error", 30);
        var portAlert = (await PackAlertsAsync()).Should().ContainSingle(a => a.IsOpen).Subject;
        portAlert.Name.Should().Be("VMM console port not answering");
        portAlert.Description.Should().StartWith($"The VMM management server {VmmServerName} does not accept connections on 127.0.0.1:{consolePort.ToString(CultureInfo.InvariantCulture)} (status ");

        // A VM's failure reaches the PRO connector; the VMM server's own alerts do not (it is no PRO class).
        await PushAsync("incremental", [Host("hv01")], [Vm("vm1", "hv01")]);
        await _vmm.InsertEventsAsync(ObjectId(VmClass, "VmId", VmId("vm1")), [new MonitoringEvent(VmFailed, 1, "VMM", "vm1 stopped unexpectedly")]);
        await _api.Server.Engine.FlushAsync();
        var tips = await ConnectorAlertsAsync(pro);
        tips.Select(t => t.Name).Distinct().Should().Equal("Virtual machine failed");
        (await PackAlertsAsync()).Select(a => a.Name).Should().BeEquivalentTo(["Virtual Machine Manager service stopped", "VMM console port not answering", "Virtual machine failed"]);
    }

    [Fact]
    public async Task VmmObjects_ExistOnlyThroughPushedDiscoveryData_ChangeAndGo()
    {
        // The pack discovers the VMM server only: hosts, groups, clouds and virtual machines come from VMM alone.
        var discovered = XDocument.Load(PackPath).Descendants("DiscoveryClass").Select(d => (string)d.Attribute("TypeID")!);
        discovered.Should().Equal(ServerClass);
        await AdvanceAsync(30);
        foreach (var className in new[] { HostClass, VmClass, HostGroupClass, CloudClass })
        {
            (await ObjectsAsync(className)).Should().BeEmpty($"nothing makes a {className} but pushed discovery data");
        }

        var pushed = await PushFabricAsync();
        pushed.Created.Should().HaveCount(7);
        pushed.RelationshipsAdded.Should().HaveCount(5);

        var hosts = await ObjectsAsync(HostClass);
        hosts.Select(h => h.Properties["HostName"]).Should().BeEquivalentTo(["hv01.contoso.com", "hv02.contoso.com"]);
        var vms = await ObjectsAsync(VmClass);
        vms.Select(v => v.Properties["VmName"]).Should().BeEquivalentTo(["vm1", "vm2", "vm3"]);
        var vm1 = vms.Single(v => v.Properties["VmName"] == "vm1");
        (vm1.Properties["Status"], vm1.Properties["CPUCount"], vm1.Properties["MemoryMB"], vm1.Properties["Cloud"]).Should().Be(("Running", "2", "4096", "Production"));
        vm1.HostId.Should().Be(hosts.Single(h => h.Properties["HostName"] == "hv01.contoso.com").Id);
        vms.Single(v => v.Properties["VmName"] == "vm3").HostId.Should().Be(hosts.Single(h => h.Properties["HostName"] == "hv02.contoso.com").Id);
        (await ObjectsAsync(ProClass)).Select(o => o.ClassName).Should().BeEquivalentTo([HostClass, HostClass, VmClass, VmClass, VmClass], "hosts and virtual machines are PRO targets");
        _api.Server.Space.ClaimsOn(vm1.Id).Should().Equal("sdk:vmm");

        var group = (await ObjectsAsync(HostGroupClass)).Single();
        group.Properties["Path"].Should().Be("All Hosts\\Production");
        (await _reader.GetObjectAsync(group.Id)).Relationships!.Where(r => r.SourceId == group.Id).Select(r => (r.Type, r.TargetId))
            .Should().BeEquivalentTo(hosts.Select(h => (Pack + ".HostGroupContainsVirtualizationHost", h.Id)));
        var cloud = (await ObjectsAsync(CloudClass)).Single();
        (await _reader.GetObjectAsync(cloud.Id)).Relationships!.Where(r => r.SourceId == cloud.Id).Select(r => (r.Type, r.TargetId))
            .Should().BeEquivalentTo([
                (Pack + ".CloudContainsVirtualMachine", vm1.Id),
                (Pack + ".CloudContainsVirtualMachine", vms.Single(v => v.Properties["VmName"] == "vm2").Id),
                (Pack + ".CloudUsesHostGroup", group.Id)]);
        var monitors = (await _reader.GetWorkflowsAsync(vm1.Id)).Where(w => w.WorkflowId.StartsWith(Pack, StringComparison.Ordinal)).ToList();
        monitors.Select(w => (w.WorkflowId, w.Runs)).Should().Equal(($"{Pack}!{Pack}.VirtualMachine.State", true));

        // VMM pushes vm1 again: more memory, another status. The same object, changed.
        var changed = await PushAsync("incremental", [], [Vm("vm1", "hv01", status: "Saved", memory: 8192, cpus: 4)]);
        changed.Created.Should().BeEmpty();
        changed.Updated.Should().Equal(vm1.Id);
        var vm1Now = await _reader.GetObjectAsync(vm1.Id);
        (vm1Now.Properties["Status"], vm1Now.Properties["MemoryMB"], vm1Now.Properties["CPUCount"]).Should().Be(("Saved", "8192", "4"));

        // vm3 has an open alert; VMM's next snapshot leaves it out: it goes, its alert is closed, its monitor gone.
        var vm3 = vms.Single(v => v.Properties["VmName"] == "vm3").Id;
        await _vmm.InsertEventsAsync(vm3, [new MonitoringEvent(VmFailed, 1, "VMM", "vm3 failed to start")]);
        await _api.Server.Engine.FlushAsync();
        var vm3Alert = (await PackAlertsAsync()).Should().ContainSingle(a => a.MonitoringObjectId == vm3 && a.IsOpen).Subject;
        var snapshot = await PushFabricAsync(withVm3: false);
        snapshot.Removed.Should().Equal(vm3);
        (await ObjectsAsync(VmClass)).Select(v => v.Properties["VmName"]).Should().BeEquivalentTo(["vm1", "vm2"]);
        await _api.Server.Engine.FlushAsync();
        var closed = await _reader.GetAlertAsync(vm3Alert.Id);
        (closed.ResolutionState, closed.ResolvedBy).Should().Be((255, "System"));
        _api.Server.Host.InstancesOf(vm3).Should().BeEmpty();
        var gone = await FluentActions.Awaiting(() => _reader.GetObjectAsync(vm3)).Should().ThrowAsync<MonitoringHostApiException>();
        gone.Which.Status.Should().Be(HttpStatusCode.NotFound);

        // Time passes: no discovery brings anything back.
        await AdvanceAsync(30);
        (await ObjectsAsync(VmClass)).Should().HaveCount(2);
    }

    [Fact]
    public async Task VmEvents_RaiseAndResolve_HostMaintenanceSilencesItsVms_ProConnectorGetsTheTips()
    {
        var pro = await RegisterProConnectorAsync();
        await PushFabricAsync();
        var vm1 = ObjectId(VmClass, "VmId", VmId("vm1"));
        var vm2 = ObjectId(VmClass, "VmId", VmId("vm2"));
        var vm3 = ObjectId(VmClass, "VmId", VmId("vm3"));
        var hv01 = ObjectId(HostClass, "HostName", "hv01.contoso.com");
        var hv02 = ObjectId(HostClass, "HostName", "hv02.contoso.com");

        // Running → healthy; saved → warning, no alert; failed → critical with one alert; running again → resolved.
        await EventAsync(vm1, VmRunning, 4, "vm1 is running");
        (await VmStateAsync(vm1)).Should().Be("Success");
        await EventAsync(vm1, VmSaved, 2, "vm1 was saved");
        (await VmStateAsync(vm1)).Should().Be("Warning");
        (await PackAlertsAsync()).Should().BeEmpty();
        await EventAsync(vm1, VmFailed, 1, "the guest stopped responding");
        (await VmStateAsync(vm1)).Should().Be("Error");
        var alert = (await PackAlertsAsync()).Should().ContainSingle().Subject;
        (alert.Name, alert.Description, alert.MonitoringObjectId).Should().Be(
            ("Virtual machine failed", "Virtual machine vm1 on hv01.contoso.com stopped unexpectedly or failed: the guest stopped responding", vm1));
        await EventAsync(vm1, VmFailed, 1, "still failed");
        (await PackAlertsAsync()).Should().ContainSingle("a monitor keeps one alert while it stays unhealthy");
        await EventAsync(vm1, VmRunning, 4, "vm1 is running");
        (await VmStateAsync(vm1)).Should().Be("Success");
        (await _reader.GetAlertAsync(alert.Id)).ResolutionState.Should().Be(255);

        // VMM puts hv01 into maintenance: mirrored, recursive, so vm1 and vm2 follow; hv02 and vm3 do not.
        var started = await _vmm.StartMaintenanceAsync(hv01, new MaintenanceStart("PlannedHardwareMaintenance", DurationMinutes: 120, Comment: "VMM: host maintenance"));
        started.Entered.Should().BeEquivalentTo([hv01, vm1, vm2]);
        (await _reader.GetObjectAsync(vm2)).InMaintenanceMode.Should().BeTrue();
        (await _reader.GetObjectAsync(vm3)).InMaintenanceMode.Should().BeFalse();
        var silenced = await _vmm.InsertEventsAsync(vm2, [new MonitoringEvent(VmFailed, 1, "VMM", "vm2 failed during host maintenance")]);
        silenced.WorkflowRuns.Should().Be(0);
        await EventAsync(vm3, VmFailed, 1, "vm3 failed");
        await _api.Server.Engine.FlushAsync();
        (await PackAlertsAsync()).Where(a => a.IsOpen).Select(a => a.MonitoringObjectId).Should().Equal(vm3);

        // VMM ends the maintenance: vm2's next failure alerts again.
        (await _vmm.StopMaintenanceAsync(hv01)).Left.Should().BeEquivalentTo([hv01, vm1, vm2]);
        await EventAsync(vm2, VmFailed, 1, "vm2 failed after maintenance");
        (await PackAlertsAsync()).Where(a => a.IsOpen).Select(a => a.MonitoringObjectId).Should().BeEquivalentTo([vm2, vm3]);

        // A host stops responding: an alert on the host.
        await EventAsync(hv02, HostNotResponding, 1, "WinRM on hv02 does not answer");
        var hostAlert = (await PackAlertsAsync()).Single(a => a.MonitoringObjectId == hv02);
        (hostAlert.Name, hostAlert.Description).Should().Be(("Virtualization host not responding", "VMM reports that virtualization host hv02.contoso.com is not responding: WinRM on hv02 does not answer"));

        // One subscription to the PRO class gets every tip, on virtual machines and hosts, opened and resolved.
        var tips = await ConnectorAlertsAsync(pro);
        tips.Where(t => t.Change == "alert.created").Select(t => t.MonitoringObjectId).Should().BeEquivalentTo([vm1, vm3, vm2, hv02]);
        tips.Should().Contain(t => t.Id == alert.Id && t.ResolutionState == 255);
    }

    [Fact]
    public async Task Maintenance_FollowsHostingAndContainment_NotTheHostGroupsACloudUses()
    {
        await PushFabricAsync();
        var group = ObjectId(HostGroupClass, "Path", "All Hosts\\Production");
        var cloud = ObjectId(CloudClass, "CloudName", "Production");
        var hosts = new[] { ObjectId(HostClass, "HostName", "hv01.contoso.com"), ObjectId(HostClass, "HostName", "hv02.contoso.com") };
        Guid[] vms = [ObjectId(VmClass, "VmId", VmId("vm1")), ObjectId(VmClass, "VmId", VmId("vm2")), ObjectId(VmClass, "VmId", VmId("vm3"))];

        // The cloud contains vm1 and vm2; it only uses the host group, so the hosts (and vm3) stay out.
        var cloudWindow = await _vmm.StartMaintenanceAsync(cloud, new MaintenanceStart("PlannedOther", DurationMinutes: 30));
        cloudWindow.Entered.Should().BeEquivalentTo([cloud, vms[0], vms[1]]);
        (await _vmm.StopMaintenanceAsync(cloud)).Left.Should().BeEquivalentTo([cloud, vms[0], vms[1]]);

        // The host group contains both hosts, and through them every virtual machine.
        var groupWindow = await _vmm.StartMaintenanceAsync(group, new MaintenanceStart("PlannedHardwareMaintenance", DurationMinutes: 30));
        groupWindow.Entered.Should().BeEquivalentTo([group, .. hosts, .. vms]);

        // A virtual machine VMM places on a host in maintenance joins that maintenance; its failure raises nothing.
        await PushAsync("incremental", [], [Vm("vm4", "hv02")]);
        var vm4 = ObjectId(VmClass, "VmId", VmId("vm4"));
        (await _reader.GetObjectAsync(vm4)).InMaintenanceMode.Should().BeTrue();
        (await _vmm.InsertEventsAsync(vm4, [new MonitoringEvent(VmFailed, 1, "VMM", "vm4 failed")])).WorkflowRuns.Should().Be(0);
        await _vmm.StopMaintenanceAsync(group);
        (await _reader.GetObjectAsync(vm4)).InMaintenanceMode.Should().BeFalse();
        (await PackAlertsAsync()).Should().BeEmpty();

        // A live migration: VMM moves vm4 from hv02 to hv01 in one incremental submission; the object under hv02 goes.
        var moved = await PushAsync("incremental", [], [Vm("vm4", "hv01")], removals: [Vm("vm4", "hv02")]);
        moved.Removed.Should().Equal(vm4);
        var migrated = _api.Server.Space.WithProperty(VmClass, "VmId", VmId("vm4")).Should().ContainSingle().Subject;
        migrated.HostId.Should().Be(hosts[0]);
    }

    /// <summary>Pulls everything the connector has, page by page, without acknowledging.</summary>
    private static async Task<List<ConnectorAlert>> ConnectorAlertsAsync((Guid Id, MonitoringHostClient Client) connector)
    {
        var items = new List<ConnectorAlert>();
        string? cursor = null;
        while (true)
        {
            var page = await connector.Client.GetConnectorAlertsAsync(connector.Id, cursor);
            items.AddRange(page.Items);
            cursor = page.Cursor;
            if (!page.More)
            {
                return items;
            }
        }
    }

    private async Task<(Guid Id, MonitoringHostClient Client)> RegisterProConnectorAsync()
    {
        var registered = await _admin.RegisterConnectorAsync(new ConnectorRegistration("Contoso.VmmPro", DisplayName: "VMM PRO tips"));
        var client = _api.ClientFor(registered.ApiKey!);
        await client.SetConnectorSubscriptionAsync(registered.Id, new ConnectorSubscription(Classes: [ProClass]));
        return (registered.Id, client);
    }

    /// <summary>What VMM knows: two hosts in a host group, a cloud on that group, three virtual machines (two in the cloud).</summary>
    private Task<DiscoveryDataApplied> PushFabricAsync(bool withVm3 = true)
    {
        var group = new DiscoveredObject(HostGroupClass, new Dictionary<string, string?> { ["Path"] = "All Hosts\\Production", ["DisplayName"] = "Production" });
        var cloud = new DiscoveredObject(CloudClass, new Dictionary<string, string?> { ["CloudName"] = "Production", ["Description"] = "Production workloads" });
        List<DiscoveredObject> vms = [Vm("vm1", "hv01"), Vm("vm2", "hv01", cloud: "Production"), .. withVm3 ? [Vm("vm3", "hv02", cloud: null)] : Array.Empty<DiscoveredObject>()];
        return PushAsync(
            "snapshot",
            [group, cloud, Host("hv01"), Host("hv02")],
            vms,
            [
                new(Pack + ".HostGroupContainsVirtualizationHost", group, Host("hv01")),
                new(Pack + ".HostGroupContainsVirtualizationHost", group, Host("hv02")),
                new(Pack + ".CloudContainsVirtualMachine", cloud, vms[0]),
                new(Pack + ".CloudContainsVirtualMachine", cloud, vms[1]),
                new(Pack + ".CloudUsesHostGroup", cloud, group),
            ]);
    }

    private async Task<DiscoveryDataApplied> PushAsync(
        string mode, IReadOnlyList<DiscoveredObject> fabric, IReadOnlyList<DiscoveredObject> vms, IReadOnlyList<DiscoveredRelationship>? relationships = null, IReadOnlyList<DiscoveredObject>? removals = null)
    {
        var applied = await _vmm.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission(mode, new DiscoverySourceRef("sdk", "vmm"), [.. fabric, .. vms], relationships, removals));
        await _api.Server.Engine.FlushAsync();
        return applied;
    }

    private static DiscoveredObject Host(string name) => new(HostClass, new Dictionary<string, string?>
    {
        ["HostName"] = $"{name}.contoso.com", ["VirtualizationPlatform"] = "HyperV", ["HostGroup"] = "All Hosts\\Production", ["VmmServer"] = VmmServerName, ["Status"] = "Responding",
    });

    private static DiscoveredObject Vm(string name, string host, string status = "Running", int memory = 4096, int cpus = 2, string? cloud = "Production") => new(
        VmClass,
        new Dictionary<string, string?>
        {
            ["VmId"] = VmId(name), ["VmName"] = name, ["DisplayName"] = name, ["Status"] = status, ["CPUCount"] = cpus.ToString(CultureInfo.InvariantCulture),
            ["MemoryMB"] = memory.ToString(CultureInfo.InvariantCulture), ["Cloud"] = cloud, ["OperatingSystem"] = "Windows Server 2022 Datacenter",
        },
        Host(host));

    /// <summary>VMM's id of a virtual machine: a GUID, stable per name here.</summary>
    private static string VmId(string name) => name switch
    {
        "vm1" => "4f0c1a52-6d3e-4b8a-9c71-2e5d8f0a1b31",
        "vm2" => "4f0c1a52-6d3e-4b8a-9c71-2e5d8f0a1b32",
        "vm3" => "4f0c1a52-6d3e-4b8a-9c71-2e5d8f0a1b33",
        _ => "4f0c1a52-6d3e-4b8a-9c71-2e5d8f0a1b34",
    };

    private Guid ObjectId(string className, string property, string value) => _api.Server.Space.WithProperty(className, property, value).Single().Id;

    private async Task EventAsync(Guid objectId, int eventNumber, int level, string description)
    {
        var inserted = await _vmm.InsertEventsAsync(objectId, [new MonitoringEvent(eventNumber, level, "VMM", description)]);
        inserted.WorkflowRuns.Should().Be(1, "one monitor of the object reads the events VMM inserts");
        await _api.Server.Engine.FlushAsync();
    }

    private async Task<string> VmStateAsync(Guid vm) => (await HealthAsync(vm))[Pack + ".VirtualMachine.State"];

    private async Task<List<MonitoringObject>> ObjectsAsync(string className) => await _reader.GetObjectsAsync(className).ToListAsync();

    /// <summary>The alerts this pack's monitors raised (the server's own self-monitoring may have its own).</summary>
    private async Task<List<MonitoringAlert>> PackAlertsAsync() =>
        await _reader.GetAlertsAsync().Where(a => a.RuleOrMonitorId.StartsWith(Pack + ".", StringComparison.Ordinal)).ToListAsync();

    private Task<Dictionary<string, string>> HealthAsync(Guid id) => _api.HealthAsync(_readerKey, id);

    private List<Discovery.Instances.MonitoringObject> Servers() => [.. _api.Server.Space.OfClass(ServerClass)];

    private List<Runtime.Hosting.WorkflowInstance> ServerMonitors() =>
        [.. Servers().SelectMany(s => _api.Server.Host.InstancesOf(s.Id)).Where(i => i.Workflow.Kind == Runtime.Compilation.WorkflowKind.UnitMonitor)];

    /// <summary>The last errors of this pack's workflows, for a failure's message.</summary>
    private IEnumerable<string> WorkflowErrors() =>
        _api.Server.Space.OfClass("Microsoft.Windows.Computer").Concat(Servers())
            .SelectMany(o => _api.Server.Host.InstancesOf(o.Id))
            .Where(i => i.Workflow.Id.StartsWith(Pack, StringComparison.Ordinal) && i.LastError != null)
            .Select(i => $"{i.Workflow.Id}: {i.LastError}")
            .Concat(_api.Server.Host.Problems.Where(p => p.Contains(Pack, StringComparison.Ordinal)));

    private Task AdvanceAsync(int seconds) => _api.AdvanceAsync(_time, seconds);

    private Task AdvanceUntilAsync(Func<Task<bool>> done, int seconds) => _api.AdvanceUntilAsync(_time, done, seconds, WorkflowErrors);

    /// <summary>The test's overrides: the console port check goes to the loopback listener every 10 s.</summary>
    private static string Overrides(int port) => $$"""
        <ManagementPack SchemaVersion="2.0">
          <Manifest>
            <Identity><ID>Test.Vmm.Overrides</ID><Version>1.0.0.0</Version></Identity>
            <Name>VMM pack test overrides</Name>
            <References>
              <Reference Alias="Vmm"><ID>{{Pack}}</ID><Version>1.0.0.0</Version></Reference>
            </References>
          </Manifest>
          <Monitoring>
            <Overrides>
              <MonitorConfigurationOverride ID="Test.Vmm.ConsolePort.ServerName" Context="Vmm!{{ServerClass}}" Enforced="false" Monitor="Vmm!{{Pack}}.ManagementServer.ConsolePort" Parameter="ServerName"><Value>127.0.0.1</Value></MonitorConfigurationOverride>
              <MonitorConfigurationOverride ID="Test.Vmm.ConsolePort.Port" Context="Vmm!{{ServerClass}}" Enforced="false" Monitor="Vmm!{{Pack}}.ManagementServer.ConsolePort" Parameter="Port"><Value>{{port}}</Value></MonitorConfigurationOverride>
              <MonitorConfigurationOverride ID="Test.Vmm.ConsolePort.Interval" Context="Vmm!{{ServerClass}}" Enforced="false" Monitor="Vmm!{{Pack}}.ManagementServer.ConsolePort" Parameter="IntervalSeconds"><Value>10</Value></MonitorConfigurationOverride>
            </Overrides>
          </Monitoring>
        </ManagementPack>
        """;

    /// <summary>The console port's listener: accepts and closes each connection until it is stopped.</summary>
    private static async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped by the test: the port is closed from now on.
        }
    }
}
