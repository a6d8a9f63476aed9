using System.Net;
using System.Text.Json;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>Objects and relationships a virtualization manager or a connector pushes through <c>POST /api/v1/discovery-data</c>.</summary>
public sealed class DiscoveryDataApiTests : IAsyncLifetime
{
    private static readonly Guid ConnectorId = Guid.Parse("6c1f3e5a-0d2b-4c7e-9a81-3f5d2e7b9c10");

    private LoopbackServer _api = null!;
    private string _operator = "";
    private string _reader = "";

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync(["Test.Sdk.xml"]);
        _operator = await _api.KeyAsync("vmm", ApiRole.Operator);
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static string Host(string name) => $$"""{ "class": "Test.Sdk.VirtualizationHost", "properties": { "HostName": "{{name}}" } }""";

    private static string Vm(string name, string host, int memory = 4096) =>
        $$"""{ "class": "Test.Sdk.VirtualMachine", "properties": { "VmName": "{{name}}", "MemoryMB": {{memory}}, "Running": true }, "host": {{Host(host)}} }""";

    private async Task<JsonElement> PushAsync(string key, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body, response) = await _api.SendAsync(HttpMethod.Post, "/api/v1/discovery-data", key, json);
        response.Dispose();
        status.Should().Be(expected, body.ValueKind == JsonValueKind.Undefined ? "" : body.ToString());
        return body;
    }

    private async Task<List<JsonElement>> ObjectsAsync(string className)
    {
        var (_, page, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects?class={className}", _reader);
        response.Dispose();
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static IEnumerable<string> Names(IEnumerable<JsonElement> objects, string key) =>
        objects.Select(o => o.GetProperty("properties").GetProperty(key).GetString()!).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Incremental_ThenSnapshot_ReleasesWhatTheSnapshotOmits()
    {
        var added = await PushAsync(_operator, $$"""
            { "mode": "incremental", "source": { "kind": "sdk", "id": "vmm" },
              "objects": [ {{Host("hv01")}}, {{Vm("vm1", "hv01")}}, {{Vm("vm2", "hv01", 2048)}}, { "class": "Test.Sdk.Cluster", "properties": { "ClusterName": "c1" } } ],
              "relationships": [ { "type": "Test.Sdk.ClusterContainsHost", "source": { "class": "Test.Sdk.Cluster", "properties": { "ClusterName": "c1" } }, "target": {{Host("hv01")}} } ] }
            """);

        added.GetProperty("source").GetString().Should().Be("sdk:vmm");
        added.GetProperty("created").GetArrayLength().Should().Be(4);
        added.GetProperty("relationshipsAdded").GetArrayLength().Should().Be(1);

        // At once after the response: listed, with their properties, host and monitors.
        var vms = await ObjectsAsync("Test.Sdk.VirtualMachine");
        Names(vms, "VmName").Should().Equal("vm1", "vm2");
        var vm2 = vms.Single(o => o.GetProperty("properties").GetProperty("VmName").GetString() == "vm2");
        vm2.GetProperty("properties").GetProperty("MemoryMB").GetString().Should().Be("2048");
        vm2.GetProperty("properties").GetProperty("Running").GetString().Should().Be("true");
        var host = (await ObjectsAsync("Test.Sdk.VirtualizationHost")).Single();
        vm2.GetProperty("hostId").GetGuid().Should().Be(host.GetProperty("id").GetGuid());
        var (_, tree, treeResponse) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{vm2.GetProperty("id").GetGuid()}/health", _reader);
        treeResponse.Dispose();
        tree.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("monitorId").GetString() == "System.Health.PerformanceState")
            .GetProperty("children").EnumerateArray().Select(c => c.GetProperty("monitorId").GetString()).Should().Equal("Test.Sdk.VirtualMachine.Cpu");

        var cluster = (await ObjectsAsync("Test.Sdk.Cluster")).Single().GetProperty("id").GetGuid();
        var (_, one, oneResponse) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{cluster}", _reader);
        oneResponse.Dispose();
        var relationship = one.GetProperty("relationships").EnumerateArray().Single();
        (relationship.GetProperty("type").GetString(), relationship.GetProperty("targetId").GetGuid()).Should().Be(("Test.Sdk.ClusterContainsHost", host.GetProperty("id").GetGuid()));

        // The snapshot is the source's whole claim: vm2 is left out, so it goes; classes and types may be named by GUID.
        var clusterClass = _api.Server.Classes.Class("Test.Sdk.Cluster")!.Id;
        var containment = _api.Server.Classes.Relationship("Test.Sdk.ClusterContainsHost")!.Id;
        var snapshot = await PushAsync(_operator, $$"""
            { "mode": "snapshot", "source": { "kind": "sdk", "id": "vmm" },
              "objects": [ {{Host("hv01")}}, {{Vm("vm1", "hv01")}}, { "class": "{{clusterClass}}", "properties": { "ClusterName": "c1" } } ],
              "relationships": [ { "type": "{{containment}}", "source": { "class": "Test.Sdk.Cluster", "properties": { "ClusterName": "c1" } }, "target": {{Host("hv01")}} } ] }
            """);

        snapshot.GetProperty("removed").EnumerateArray().Select(e => e.GetGuid()).Should().Equal(vm2.GetProperty("id").GetGuid());
        snapshot.GetProperty("created").GetArrayLength().Should().Be(0);
        snapshot.GetProperty("relationshipsRemoved").GetArrayLength().Should().Be(0);
        Names(await ObjectsAsync("Test.Sdk.VirtualMachine"), "VmName").Should().Equal("vm1");

        // An incremental removal of what the source claims takes the host and everything it hosts.
        var removed = await PushAsync(_operator, $$"""{ "mode": "incremental", "source": { "kind": "sdk", "id": "vmm" }, "removals": [ {{Host("hv01")}} ] }""");
        removed.GetProperty("removed").GetArrayLength().Should().Be(2);
        removed.GetProperty("relationshipsRemoved").GetArrayLength().Should().Be(1);
        (await ObjectsAsync("Test.Sdk.VirtualMachine")).Should().BeEmpty();
    }

    [Fact]
    public async Task Problems_AreAllListedWithTheirPaths_AndNothingIsApplied()
    {
        await PushAsync(_operator, $$"""{ "mode": "incremental", "source": { "kind": "sdk", "id": "vmm" }, "objects": [ {{Host("hv01")}} ] }""");

        var problem = await PushAsync(_operator, $$"""
            { "mode": "incremental", "source": { "kind": "sdk", "id": "other" },
              "objects": [
                { "class": "Test.Sdk.Nope", "properties": { "Name": "x" } },
                { "class": "Test.Sdk.VirtualMachine", "properties": { "MemoryMB": 1 }, "host": {{Host("hv01")}} },
                {{Vm("vm3", "hv01")}},
                { "class": "Test.Sdk.VirtualMachine", "properties": { "VmName": "vm4", "MemoryMB": "lots" }, "host": {{Host("hv01")}} },
                { "class": "Test.Sdk.VirtualMachine", "properties": { "VmName": "vm5" }, "host": { "class": "Test.Sdk.Cluster", "properties": { "ClusterName": "c1" } } },
                { "class": "Test.Sdk.VirtualMachine", "properties": { "VmName": "vm6" } },
                {{Host("hv02")}}
              ],
              "relationships": [ { "type": "Test.Sdk.ClusterContainsHost", "source": {{Host("hv02")}}, "target": {{Host("hv01")}} },
                                 { "type": "Test.Sdk.NoSuchType", "source": {{Host("hv02")}}, "target": {{Host("hv01")}} } ],
              "removals": [ {{Host("hv01")}} ] }
            """, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => e.GetProperty("path").GetString()).Should().BeEquivalentTo(
            "objects[0].class",
            "objects[1].properties.VmName",
            "objects[3].properties.MemoryMB",
            "objects[4].host.class",
            "objects[5].host",
            "relationships[0].source.class",
            "relationships[1].type",
            "removals[0]");
        errors.Single(e => e.GetProperty("path").GetString() == "objects[3].properties.MemoryMB").GetProperty("message").GetString().Should().Contain("'lots' is not a whole number");
        errors.Single(e => e.GetProperty("path").GetString() == "removals[0]").GetProperty("message").GetString().Should().StartWith("sdk:other does not claim this Test.Sdk.VirtualizationHost");

        Names(await ObjectsAsync("Test.Sdk.VirtualizationHost"), "HostName").Should().Equal("hv01");
        (await ObjectsAsync("Test.Sdk.VirtualMachine")).Should().BeEmpty("nothing of a refused submission is applied");
    }

    [Theory]
    [InlineData("""{ "mode": "sometimes", "source": { "kind": "agent", "id": "" } }""", "mode", "source.kind")]
    [InlineData("""{ "mode": "snapshot", "source": { "kind": "connector", "id": "not-a-guid" } }""", "source.id")]
    [InlineData("""{ "mode": "snapshot", "source": { "kind": "sdk", "id": "vmm" }, "objects": [ { "class": "Test.Sdk.VirtualizationHost", "properties": { "HostName": "hv01", "Cores": { "n": 4 } } } ] }""", "objects[0].properties.Cores")]
    [InlineData("""{ "mode": "snapshot", "source": { "kind": "sdk", "id": "vmm" }, "removals": [ { "class": "Test.Sdk.VirtualizationHost", "properties": { "HostName": "hv01" } } ] }""", "removals", "removals[0]")]
    public async Task BadRequests_SayWhere(string json, params string[] paths)
    {
        var problem = await PushAsync(_operator, json, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().BeEquivalentTo(paths);
    }

    [Fact]
    public async Task ConnectorKeys_PushOnlyAsTheirOwnConnector()
    {
        var connector = await _api.KeyAsync("itsm", ApiRole.Connector, ConnectorId);
        var objects = $$"""[ {{Host("hv09")}} ]""";
        string Body(string kind, string id) => $$"""{ "mode": "snapshot", "source": { "kind": "{{kind}}", "id": "{{id}}" }, "objects": {{objects}} }""";

        (await PushAsync(connector, Body("sdk", "itsm"), HttpStatusCode.Forbidden)).GetProperty("detail").GetString().Should().Contain("only as source kind connector");
        (await PushAsync(connector, Body("connector", Guid.NewGuid().ToString()), HttpStatusCode.Forbidden)).GetProperty("detail").GetString().Should().Contain($"stands for connector {ConnectorId}");
        await PushAsync(_operator, Body("connector", ConnectorId.ToString()), HttpStatusCode.Forbidden);
        await PushAsync(_reader, Body("sdk", "viewer"), HttpStatusCode.Forbidden);
        (await ObjectsAsync("Test.Sdk.VirtualizationHost")).Should().BeEmpty();

        var pushed = await PushAsync(connector, Body("connector", ConnectorId.ToString()));
        pushed.GetProperty("source").GetString().Should().Be($"connector:{ConnectorId}");
        var host = (await ObjectsAsync("Test.Sdk.VirtualizationHost")).Single();
        _api.Server.Space.ClaimsOn(host.GetProperty("id").GetGuid()).Should().Equal($"connector:{ConnectorId}");

        // An author's sdk source claims the same object too; the connector's empty snapshot then leaves it alive.
        var author = await _api.KeyAsync("author", ApiRole.Author);
        await PushAsync(author, Body("sdk", "inventory"));
        await PushAsync(connector, $$"""{ "mode": "snapshot", "source": { "kind": "connector", "id": "{{ConnectorId}}" }, "objects": [] }""");
        Names(await ObjectsAsync("Test.Sdk.VirtualizationHost"), "HostName").Should().Equal("hv09");
        _api.Server.Space.ClaimsOn(host.GetProperty("id").GetGuid()).Should().Equal("sdk:inventory");
    }
}
