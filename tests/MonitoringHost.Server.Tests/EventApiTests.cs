using System.Net;
using System.Text.Json;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>
/// Events and performance samples inserted for an object through the API: the rules and monitors of
/// <c>Test.Sdk.xml</c> that read the SDK event and performance data sources see them, and they can be read back.
/// </summary>
public sealed class EventApiTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private string _operator = "";
    private string _reader = "";
    private Guid _vm;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync(["Test.Sdk.xml"]);
        _operator = await _api.KeyAsync("vmm", ApiRole.Operator);
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
        var (status, body, response) = await _api.SendAsync(HttpMethod.Post, "/api/v1/discovery-data", _operator, """
            { "mode": "snapshot", "source": { "kind": "sdk", "id": "vmm" },
              "objects": [ { "class": "Test.Sdk.VirtualMachine", "properties": { "VmName": "vm1" },
                             "host": { "class": "Test.Sdk.VirtualizationHost", "properties": { "HostName": "hv01" } } },
                           { "class": "Test.Sdk.VirtualizationHost", "properties": { "HostName": "hv01" } } ] }
            """);
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK);
        _vm = _api.Server.Space.WithProperty("Test.Sdk.VirtualMachine", "VmName", "vm1").Single().Id;
        body.GetProperty("created").EnumerateArray().Select(e => e.GetGuid()).Should().Contain(_vm);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string key, string? json = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body, response) = await _api.SendAsync(method, path, key, json);
        response.Dispose();
        status.Should().Be(expected, body.ValueKind == JsonValueKind.Undefined ? "" : body.ToString());
        return body;
    }

    private async Task<List<JsonElement>> AlertsAsync()
    {
        var page = await SendAsync(HttpMethod.Get, "/api/v1/alerts", _reader);
        return [.. page.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("monitoringObjectId").GetGuid() == _vm)];
    }

    [Fact]
    public async Task AnErrorEvent_RaisesTheRulesAlert_AndIsStored()
    {
        // The rule wants event 4001 at level Error: a warning passes its filter by.
        var warning = await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/events", _operator,
            """[ { "eventNumber": 4001, "level": "Warning", "source": "VMM", "description": "checkpoint slow", "parameters": ["slow"] } ]""");
        warning.GetProperty("workflowRuns").GetInt32().Should().Be(1, "one rule of the virtual machine reads the SDK event data source");
        (await AlertsAsync()).Should().BeEmpty();

        var inserted = await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/events", _operator,
            """[ { "eventNumber": 4001, "level": 1, "source": "VMM", "description": "the VM stopped", "parameters": ["disk full"], "time": "2026-11-30T10:00:00Z" } ]""");
        inserted.GetProperty("inserted").GetInt32().Should().Be(1);

        var alert = (await AlertsAsync()).Should().ContainSingle().Subject;
        alert.GetProperty("name").GetString().Should().Be("Virtual machine failed");
        alert.GetProperty("description").GetString().Should().Be("Virtual machine vm1 failed: disk full");
        (alert.GetProperty("severity").GetInt32(), alert.GetProperty("priority").GetInt32()).Should().Be((2, 2));
        alert.GetProperty("isMonitorAlert").GetBoolean().Should().BeFalse();

        var events = (await SendAsync(HttpMethod.Get, $"/api/v1/objects/{_vm}/events?since=2026-01-01T00:00:00Z", _reader)).GetProperty("items").EnumerateArray().ToList();
        events.Select(e => (e.GetProperty("eventNumber").GetInt64(), e.GetProperty("levelName").GetString(), e.GetProperty("source").GetString(), e.GetProperty("description").GetString()))
            .Should().BeEquivalentTo([(4001L, "Error", "VMM", "the VM stopped"), (4001L, "Warning", "VMM", "checkpoint slow")]);
        events.Should().AllSatisfy(e => e.GetProperty("collectedBy").GetString().Should().Be("sdk:vmm"));
        events.Single(e => e.GetProperty("level").GetInt32() == 1).GetProperty("time").GetDateTime().Should().Be(new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task PerformanceSamples_TurnTheThresholdMonitor_AndAreStored()
    {
        async Task<string?> CpuMonitorAsync()
        {
            var tree = await SendAsync(HttpMethod.Get, $"/api/v1/objects/{_vm}/health", _reader);
            return tree.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("monitorId").GetString() == "System.Health.PerformanceState")
                .GetProperty("children").EnumerateArray().Single().GetProperty("healthStateName").GetString();
        }

        (await CpuMonitorAsync()).Should().Be("Uninitialized");
        const string Sample = """{ "objectName": "Processor", "counterName": "% Processor Time", "instanceName": "_Total", "value": VALUE, "time": "TIME" }""";
        var over = await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/performance", _operator,
            $"[ {Sample.Replace("VALUE", "97.5", StringComparison.Ordinal).Replace("TIME", "2026-11-30T10:00:00Z", StringComparison.Ordinal)} ]");
        over.GetProperty("workflowRuns").GetInt32().Should().Be(1);
        (await CpuMonitorAsync()).Should().Be("Error");
        var item = (await SendAsync(HttpMethod.Get, $"/api/v1/objects/{_vm}", _reader));
        item.GetProperty("healthStateName").GetString().Should().Be("Error");

        // A sample of another counter is not this monitor's; one under the threshold makes it healthy again.
        var other = """{ "objectName": "Memory", "counterName": "Available MBytes", "value": 12 }""";
        await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/performance", _operator, $"[ {other} ]");
        (await CpuMonitorAsync()).Should().Be("Error");
        await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/performance", _operator,
            $"[ {Sample.Replace("VALUE", "10", StringComparison.Ordinal).Replace("TIME", "2026-11-30T10:05:00Z", StringComparison.Ordinal)} ]");
        (await CpuMonitorAsync()).Should().Be("Success");

        var samples = (await SendAsync(HttpMethod.Get, $"/api/v1/objects/{_vm}/performance?objectName=Processor&counterName=%25%20Processor%20Time", _reader))
            .GetProperty("items").EnumerateArray().ToList();
        samples.Select(s => (s.GetProperty("instanceName").GetString(), s.GetProperty("value").GetDouble())).Should().Equal(("_Total", 97.5), ("_Total", 10.0));
        (await SendAsync(HttpMethod.Get, $"/api/v1/objects/{_vm}/performance?counterName=x", _reader, expected: HttpStatusCode.BadRequest))
            .GetProperty("errors").EnumerateArray().Single().GetProperty("path").GetString().Should().Be("objectName");
    }

    [Fact]
    public async Task BadItems_AreAllListed_AndNothingIsInserted()
    {
        var problem = await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/events", _operator, """
            [ { "eventNumber": 4001, "level": 1, "source": "VMM", "description": "fine" },
              { "eventNumber": -1, "level": "Critical", "source": " ", "description": "bad" },
              { "eventNumber": 4001, "level": 3, "source": "VMM", "parameters": ["a", null] } ]
            """, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString())
            .Should().BeEquivalentTo("[1].eventNumber", "[1].level", "[1].source", "[2].level", "[2].parameters[1]");

        var samples = await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/performance", _operator,
            """[ { "objectName": "", "counterName": "% Processor Time", "value": 99 } ]""", HttpStatusCode.BadRequest);
        samples.GetProperty("errors").EnumerateArray().Single().GetProperty("path").GetString().Should().Be("[0].objectName");
        await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/events", _operator, "[]", HttpStatusCode.BadRequest);

        (await SendAsync(HttpMethod.Get, $"/api/v1/objects/{_vm}/events", _reader)).GetProperty("items").GetArrayLength().Should().Be(0);
        (await AlertsAsync()).Should().BeEmpty();
        await SendAsync(HttpMethod.Post, $"/api/v1/objects/{Guid.Empty}/events", _operator, """[ { "eventNumber": 1, "level": 4, "source": "x" } ]""", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InMaintenance_TheEventIsStored_ButNoWorkflowRunsOnIt()
    {
        await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/maintenance", _operator, """{ "durationMinutes": 60, "reason": "PlannedOther" }""", HttpStatusCode.Created);

        var inserted = await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/events", _operator,
            """[ { "eventNumber": 4001, "level": "Error", "source": "VMM", "parameters": ["patching"] } ]""");

        inserted.GetProperty("workflowRuns").GetInt32().Should().Be(0);
        (await AlertsAsync()).Should().BeEmpty();
        (await SendAsync(HttpMethod.Get, $"/api/v1/objects/{_vm}/events", _reader)).GetProperty("items").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Roles_OperatorsAndConnectorsInsert_AuthorsAndReadersDoNot()
    {
        const string Event = """[ { "eventNumber": 1, "level": "Information", "source": "itsm" } ]""";
        var connector = await _api.KeyAsync("itsm", ApiRole.Connector, Guid.NewGuid());
        var author = await _api.KeyAsync("author", ApiRole.Author);

        await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/events", _reader, Event, HttpStatusCode.Forbidden);
        await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/performance", author, """[ { "objectName": "a", "counterName": "b", "value": 1 } ]""", HttpStatusCode.Forbidden);
        (await SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/events", connector, Event)).GetProperty("inserted").GetInt32().Should().Be(1);

        var stored = (await SendAsync(HttpMethod.Get, $"/api/v1/objects/{_vm}/events", _reader)).GetProperty("items").EnumerateArray().Single();
        (stored.GetProperty("levelName").GetString(), stored.GetProperty("collectedBy").GetString()).Should().Be(("Information", "sdk:itsm"));
    }
}
