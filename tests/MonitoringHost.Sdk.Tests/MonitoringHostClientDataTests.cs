using System.Net;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;
using PerformanceSample = MonitoringHost.Sdk.Contracts.PerformanceSample;

namespace MonitoringHost.Sdk.Tests;

/// <summary>
/// The client's discovery data, event, performance and resolution state calls against a real server on loopback that
/// runs tests/Shared/Packs/Test.Sdk.xml (virtualization hosts, their virtual machines, clusters).
/// </summary>
public sealed class MonitoringHostClientDataTests : IAsyncLifetime
{
    private static readonly DiscoverySourceRef Vmm = new("sdk", "vmm");
    private static readonly DiscoveredObject Hv01 = new("Test.Sdk.VirtualizationHost", new Dictionary<string, string?> { ["HostName"] = "hv01" });
    private static readonly DiscoveredObject Vm1 = new("Test.Sdk.VirtualMachine", new Dictionary<string, string?> { ["VmName"] = "vm1" }, Hv01);
    private static readonly DiscoveredObject C1 = new("Test.Sdk.Cluster", new Dictionary<string, string?> { ["ClusterName"] = "c1" });

    private LoopbackServer _api = null!;
    private MonitoringHostClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync(["Test.Sdk.xml"]);
        _client = _api.ClientFor(await _api.KeyAsync("vmm-admin", ApiRole.Administrator));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    private async Task<MonitoringHostApiException> RefusedAsync(Func<MonitoringHostClient, Task> call) =>
        (await _client.Invoking(call).Should().ThrowAsync<MonitoringHostApiException>()).Which;

    private async Task<Guid> Vm1IdAsync()
    {
        await _client.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("incremental", Vmm, [Hv01, Vm1]));
        return (await _client.ListObjectsAsync(className: "Test.Sdk.VirtualMachine")).Items.Single().Id;
    }

    [Fact]
    public async Task SubmitDiscoveryData_AddsAndRemovesRelationships()
    {
        var containment = new DiscoveredRelationship("Test.Sdk.ClusterContainsHost", C1, Hv01);

        var added = await _client.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("incremental", Vmm, [Hv01, Vm1, C1], [containment]));
        (added.Source, added.Created.Count, added.RelationshipsAdded.Count).Should().Be(("sdk:vmm", 3, 1));
        var cluster = (await _client.ListObjectsAsync(className: "Test.Sdk.Cluster")).Items.Single();
        (await _client.GetObjectAsync(cluster.Id)).Relationships!.Select(r => r.Type).Should().Contain("Test.Sdk.ClusterContainsHost");

        var removed = await _client.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("incremental", Vmm, [], RelationshipRemovals: [containment]));
        (removed.RelationshipsRemoved, removed.Removed.Count).Should().BeEquivalentTo((added.RelationshipsAdded, 0));
        (await _client.GetObjectAsync(cluster.Id)).Relationships!.Select(r => r.Type).Should().NotContain("Test.Sdk.ClusterContainsHost");
    }

    [Fact]
    public async Task SubmitDiscoveryData_WithBadObjects_ListsEveryProblem_AndAppliesNothing()
    {
        var refusal = await RefusedAsync(c => c.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("incremental", Vmm,
        [
            Hv01,
            new DiscoveredObject("Test.Sdk.VirtualMachine", new Dictionary<string, string?> { ["VmName"] = "vm9", ["MemoryMB"] = "lots" }, Hv01),
            new DiscoveredObject("Test.Sdk.NoSuchClass", new Dictionary<string, string?> { ["Name"] = "x" }),
        ])));

        refusal.Status.Should().Be(HttpStatusCode.BadRequest);
        refusal.Errors.Select(e => e.Path).Should().Contain(["objects[1].properties.MemoryMB"]).And.Contain(p => p!.StartsWith("objects[2]", StringComparison.Ordinal));
        (await _client.ListObjectsAsync(className: "Test.Sdk.VirtualizationHost")).Items.Should().BeEmpty("a refused submission applies nothing");

        var badMode = await RefusedAsync(c => c.SubmitDiscoveryDataAsync("""{ "mode": "sometimes", "source": { "kind": "sdk", "id": "vmm" }, "objects": [] }"""));
        badMode.Errors.Single().Path.Should().Be("mode");
    }

    [Fact]
    public async Task InsertEvents_RunTheRule_ThatRaisesItsAlertOnErrorsOnly()
    {
        var vm = await Vm1IdAsync();

        var warning = await _client.InsertEventsAsync(vm, [new MonitoringEvent(4001, 2, "VMM", "checkpoint slow", ["slow"])]);
        warning.Should().Be(new DataInserted(1, 1));
        (await _client.ListAlertsAsync()).Items.Should().BeEmpty("the rule wants level 1");

        var errors = await _client.InsertEventsAsync(vm,
        [
            new MonitoringEvent(4001, 1, "VMM", "the VM stopped", ["disk full"], new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero)),
            new MonitoringEvent(4002, 1, "VMM", "another event"),
        ]);
        errors.Should().Be(new DataInserted(2, 2));
        var alert = (await _client.ListAlertsAsync()).Items.Should().ContainSingle().Subject;
        (alert.Name, alert.Description, alert.MonitoringObjectId, alert.RuleOrMonitorId).Should().Be(
            ("Virtual machine failed", "Virtual machine vm1 failed: disk full", vm, "Test.Sdk.VirtualMachine.Failed"));

        var bad = await RefusedAsync(c => c.InsertEventsAsync(vm, [new MonitoringEvent(-1, 1, "VMM", "bad")]));
        (bad.Status, bad.Errors.Single().Path).Should().Be((HttpStatusCode.BadRequest, "[0].eventNumber"));
        (await RefusedAsync(c => c.InsertEventsAsync(Guid.NewGuid(), [new MonitoringEvent(4001, 1, "VMM", "x")]))).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InsertPerformance_TurnsTheThresholdMonitor()
    {
        var vm = await Vm1IdAsync();

        var over = await _client.InsertPerformanceAsync(vm, [new PerformanceSample("Processor", "% Processor Time", "_Total", 97.5)]);
        over.Should().Be(new DataInserted(1, 1));
        (await _client.GetObjectAsync(vm)).HealthState.Should().Be(HealthState.Error);

        var under = await _client.InsertPerformanceAsync(vm,
            [new PerformanceSample("Memory", "Available MBytes", "", 12), new PerformanceSample("Processor", "% Processor Time", "_Total", 10)]);
        under.Should().Be(new DataInserted(2, 2));
        (await _client.GetObjectAsync(vm)).HealthStateName.Should().Be("Success");
    }

    [Fact]
    public async Task CreateResolutionState_AddsACustomState_RefusingBadAndTakenCodes()
    {
        var created = await _client.CreateResolutionStateAsync(new ResolutionState(17, "Waiting for vendor"));

        created.Should().Be(new ResolutionState(17, "Waiting for vendor"));
        (await _client.GetResolutionStatesAsync()).Should().Contain(created);

        var taken = await RefusedAsync(c => c.CreateResolutionStateAsync(new ResolutionState(17, "Something else")));
        taken.Status.Should().Be(HttpStatusCode.Conflict);
        var outOfRange = await RefusedAsync(c => c.CreateResolutionStateAsync(new ResolutionState(255, "Closed again")));
        outOfRange.Status.Should().Be(HttpStatusCode.BadRequest);
        outOfRange.Errors.Select(e => e.Path).Should().Contain("code");
        (await _client.GetResolutionStatesAsync()).Where(s => s.Code == 17 || s.Code == 255).Should().Equal(created, new ResolutionState(255, "Closed"));
    }
}
