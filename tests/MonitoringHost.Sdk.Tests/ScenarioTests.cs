using System.Net;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Sdk.Tests;

/// <summary>
/// A virtualization manager and a runbook, written as a client writes them: a pack imported through the API, hosts
/// and virtual machines pushed as SDK discovery data, an SDK event that a rule turns into an alert, maintenance on a
/// host that its virtual machines follow, a runbook's alert found by criteria, worked on and read back with its history.
/// </summary>
public sealed class ScenarioTests : IAsyncLifetime
{
    private const string Host = "Test.Sdk.VirtualizationHost";
    private const string Vm = "Test.Sdk.VirtualMachine";
    private static readonly DiscoverySourceRef Vmm = new("sdk", "vmm");

    private LoopbackServer _api = null!;
    private MonitoringHostClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _client = _api.ClientFor(await _api.KeyAsync("ops", ApiRole.Administrator));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    private static DiscoveredObject HostObject(string name) => new(Host, new Dictionary<string, string?> { ["HostName"] = name });

    private static DiscoveredObject VmObject(string name, string host, int memory = 4096) =>
        new(Vm, new Dictionary<string, string?> { ["VmName"] = name, ["MemoryMB"] = memory.ToString(System.Globalization.CultureInfo.InvariantCulture) }, HostObject(host));

    private async Task<List<MonitoringObject>> ObjectsAsync(string className)
    {
        var objects = new List<MonitoringObject>();
        await foreach (var item in _client.GetObjectsAsync(className: className, pageSize: 2))
        {
            objects.Add(item);
        }

        return objects;
    }

    [Fact]
    public async Task VirtualizationManagerAndRunbook_ThroughTheClient()
    {
        // The pack: classes, a rule on SDK events raising an alert, a monitor on SDK performance samples.
        var imported = (await _client.ImportManagementPacksAsync([Path.Combine(RepositoryPaths.Root, "tests", "Shared", "Packs", "Test.Sdk.xml")])).Should().ContainSingle().Subject;
        (imported.Name, imported.Version, imported.Sealed, imported.DisplayName).Should().Be(("Test.Sdk", "1.0.0.0", false, "SDK data test pack"));
        (await _client.ListClassesAsync(baseClass: "System.LogicalEntity", criteria: "Name LIKE 'Test.Sdk.%'")).Select(c => (c.Name, c.Hosted))
            .Should().Equal(("Test.Sdk.Cluster", false), (Vm, true), (Host, false)); // ordinal order of names

        // Two hosts and three virtual machines, pushed incrementally.
        var first = await _client.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("incremental", Vmm, [HostObject("hv01"), VmObject("vm1", "hv01"), VmObject("vm2", "hv01", 2048)]));
        var second = await _client.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("incremental", Vmm, [HostObject("hv02"), VmObject("vm3", "hv02")]));
        (first.Source, first.Created.Count, second.Created.Count, first.Removed.Count + second.Removed.Count).Should().Be(("sdk:vmm", 3, 2, 0));
        var hosts = await ObjectsAsync(Host);
        var vms = await ObjectsAsync(Vm);
        hosts.Select(h => h.DisplayName).Should().BeEquivalentTo(["hv01", "hv02"]);
        vms.Select(v => (v.DisplayName, v.Properties["MemoryMB"], v.HostId)).Should().BeEquivalentTo(
        [
            ("vm1", "4096", hosts.Single(h => h.DisplayName == "hv01").Id),
            ("vm2", "2048", hosts.Single(h => h.DisplayName == "hv01").Id),
            ("vm3", "4096", hosts.Single(h => h.DisplayName == "hv02").Id),
        ]);
        var hv01 = hosts.Single(h => h.DisplayName == "hv01").Id;
        var vm1 = vms.Single(v => v.DisplayName == "vm1").Id;
        var vm2 = vms.Single(v => v.DisplayName == "vm2").Id;
        var vm3 = vms.Single(v => v.DisplayName == "vm3").Id;

        // A snapshot is the manager's whole claim: vm2 is left out, so it goes; the others stay.
        var snapshot = await _client.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("snapshot", Vmm,
            [HostObject("hv01"), HostObject("hv02"), VmObject("vm1", "hv01"), VmObject("vm3", "hv02")]));
        (snapshot.Created, snapshot.Removed).Should().BeEquivalentTo((Array.Empty<Guid>(), new[] { vm2 }));
        (await ObjectsAsync(Vm)).Select(v => v.Id).Should().BeEquivalentTo([vm1, vm3]);
        (await ObjectsAsync(Host)).Should().HaveCount(2);
        (await _client.Invoking(c => c.GetObjectAsync(vm2)).Should().ThrowAsync<MonitoringHostApiException>()).Which.Status.Should().Be(HttpStatusCode.NotFound);

        // The manager reports a failed VM: the pack's rule raises its alert before the call returns.
        var inserted = await _client.InsertEventsAsync(vm1, [new MonitoringEvent(4001, 1, "VMM", "the VM stopped", ["disk full"])]);
        inserted.Should().Be(new DataInserted(1, 1));
        var raised = (await _client.ListAlertsAsync(criteria: "RuleOrMonitorId = 'Test.Sdk.VirtualMachine.Failed'")).Items.Should().ContainSingle().Subject;
        (raised.Name, raised.Description, raised.MonitoringObjectId, raised.Severity, raised.IsMonitorAlert).Should().Be(
            ("Virtual machine failed", "Virtual machine vm1 failed: disk full", vm1, Severity.Error, false));

        // Maintenance on hv01: the virtual machine it hosts follows it in and out; hv02's does not.
        var started = await _client.StartMaintenanceAsync(hv01, new MaintenanceStart("PlannedHardwareMaintenance", DurationMinutes: 60, Comment: "patching"));
        started.Entered.Should().BeEquivalentTo([hv01, vm1]);
        (await ObjectsAsync(Vm)).Select(v => (v.Id, v.InMaintenanceMode)).Should().BeEquivalentTo([(vm1, true), (vm3, false)]);
        (await _client.GetObjectAsync(hv01)).InMaintenanceMode.Should().BeTrue();
        (await _client.ListMaintenanceAsync()).Select(w => w.ObjectId).Should().BeEquivalentTo([hv01, vm1]);
        var stopped = await _client.StopMaintenanceAsync(hv01);
        stopped.Left.Should().BeEquivalentTo([hv01, vm1]);
        (await ObjectsAsync(Vm)).Should().OnlyContain(v => !v.InMaintenanceMode);
        (await _client.GetObjectAsync(hv01)).InMaintenanceMode.Should().BeFalse();

        // A runbook failed: it raises its alert on the host it patched; an operator finds it by criteria.
        var runbook = await _client.CreateAlertAsync(new NewAlert("Runbook 'Patch Tuesday' failed", "Error", hv01, Description: "step 3 of 5: reboot timed out"));
        await _client.CreateAlertAsync(new NewAlert("Runbook 'Backup' slow", "Warning", hv01));
        const string Query = "Name LIKE 'Runbook%' AND Severity = 'Error' AND ResolutionState = 0";
        var found = (await _client.ListAlertsAsync(criteria: Query)).Items.Should().ContainSingle().Subject;
        (found.Id, found.MonitoringObjectId, found.MonitoringObjectDisplayName, found.Description, found.LastModifiedBy).Should().Be(
            (runbook.Id, hv01, "hv01", "step 3 of 5: reboot timed out", "ops"));

        // Worked on: a custom resolution state, an owner, a ticket.
        var waiting = await _client.CreateResolutionStateAsync(new ResolutionState(42, "Awaiting patch"));
        waiting.Should().Be(new ResolutionState(42, "Awaiting patch"));
        (await _client.GetResolutionStatesAsync()).Should().Contain(waiting);
        var updated = await _client.UpdateAlertAsync(runbook.Id, new AlertChange(42, "ann", "CHG0815", "waiting for the vendor's patch"));
        (updated.ResolutionState, updated.Owner, updated.TicketId, updated.Version, updated.IsOpen).Should().Be((42, "ann", "CHG0815", 2L, true));
        (await _client.ListAlertsAsync(criteria: Query)).Items.Should().BeEmpty("it is no longer new");
        (await _client.ListAlertsAsync(criteria: "ResolutionState = 42 AND Owner = 'ann'")).Items.Select(a => a.Id).Should().Equal(runbook.Id);

        var closed = await _client.UpdateAlertAsync(runbook.Id, new AlertChange(ResolutionStates.Closed, Comment: "patched by hand"));
        (closed.IsOpen, closed.ResolvedBy, closed.Version).Should().Be((false, "ops", 3L));

        var history = await _client.GetAlertHistoryAsync(runbook.Id);
        history.Select(h => (h.Version, h.By, h.ByKind, h.Comment)).Should().Equal(
            (2L, "ops", "user", "waiting for the vendor's patch"),
            (3L, "ops", "user", "patched by hand"));
        history[0].Changes["resolutionState"].Should().Equal("0", "42");
        history[0].Changes["owner"].Should().Equal(null, "ann");
        history[0].Changes["ticketId"].Should().Equal(null, "CHG0815");
        history[1].Changes["resolutionState"].Should().Equal("42", "255");
        history.Should().OnlyContain(h => h.Time >= runbook.TimeRaised);
    }
}
