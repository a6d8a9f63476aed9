using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Samples.Tests;

/// <summary>
/// <c>samples/orchestrator/mh-activities.sh</c>, run with bash against a real server on loopback: every activity of
/// Orchestrator's Integration Pack for Operations Manager, its published data, and what it changed on the server.
/// </summary>
public sealed class OrchestratorActivitiesTests : IAsyncLifetime
{
    private const string RunbookServer = "runbook01.contoso.com";
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "samples", "orchestrator", "mh-activities.sh");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private LoopbackServer _api = null!;
    private string _operator = "";
    private Guid _computer;
    private Guid _vm;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync(["Test.Sdk.xml"]);
        _operator = await _api.KeyAsync("runbooks", ApiRole.Operator);
        _computer = await _api.DiscoverComputerAsync(RunbookServer);
        // A virtual machine as a virtualization manager pushes it: its CPU monitor (Test.Sdk.xml) reads the samples posted for it.
        using var vmm = _api.ClientFor(_operator);
        var host = new DiscoveredObject("Test.Sdk.VirtualizationHost", new Dictionary<string, string?> { ["HostName"] = "hv01" });
        await vmm.SubmitDiscoveryDataAsync(new DiscoveryDataSubmission("snapshot", new DiscoverySourceRef("sdk", "vmm"),
            [host, new DiscoveredObject("Test.Sdk.VirtualMachine", new Dictionary<string, string?> { ["VmName"] = "vm1" }, host)]));
        _vm = _api.Server.Space.WithProperty("Test.Sdk.VirtualMachine", "VmName", "vm1").Single().Id;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [SkippableFact]
    public async Task CreateAlert_RaisesTheAlertWithTheActivitysInputs_AndPublishesIt()
    {
        var (code, output, error) = await RunAsync("create-alert", "--object", RunbookServer, "--name", "Runbook 'Nightly backup' failed",
            "--description", "Activity 'Copy files' failed: access denied", "--severity", "Critical", "--priority", "Medium",
            "--owner", "ann", "--category", "Runbook", "--custom-field1", "Nightly backup", "--custom-field2=job 42");

        (code, error).Should().Be((0, ""));
        var published = JsonDocument.Parse(output).RootElement;
        var id = published.GetProperty("id").GetGuid();
        var stored = await GetAsync($"/api/v1/alerts/{id}");
        foreach (var alert in new[] { published, stored })
        {
            (alert.GetProperty("name").GetString(), alert.GetProperty("description").GetString(), alert.GetProperty("severityName").GetString(),
                alert.GetProperty("priorityName").GetString(), alert.GetProperty("owner").GetString(), alert.GetProperty("category").GetString())
                .Should().Be(("Runbook 'Nightly backup' failed", "Activity 'Copy files' failed: access denied", "Error", "Normal", "ann", "Runbook"));
            (alert.GetProperty("customField1").GetString(), alert.GetProperty("customField2").GetString(), alert.GetProperty("monitoringObjectId").GetGuid())
                .Should().Be(("Nightly backup", "job 42", _computer));
        }
    }

    [SkippableFact]
    public async Task GetAlert_FindsTheAlertsTheFiltersMatch()
    {
        var failed = await _api.CreateAlertAsync(_operator, _computer, "Runbook Backup failed", "Error", """, "owner": "ann" """);
        var slow = await _api.CreateAlertAsync(_operator, _computer, "Runbook Backup slow", "Warning", """, "owner": "ann" """);
        await _api.CreateAlertAsync(_operator, _vm, "Disk full", "Error");

        var byFields = await RunJsonAsync("get-alert", "--severity", "Critical", "--owner", "ann");
        var byCriteria = await RunJsonAsync("get-alert", "--criteria", "name LIKE 'Runbook%'", "--monitoring-object-id", _computer.ToString());
        var none = await RunJsonAsync("get-alert", "--name", "No such alert");

        byFields.GetProperty("alertCount").GetInt32().Should().Be(1);
        byFields.GetProperty("alerts")[0].GetProperty("id").GetGuid().Should().Be(failed.GetProperty("id").GetGuid());
        byCriteria.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetGuid())
            .Should().BeEquivalentTo([failed.GetProperty("id").GetGuid(), slow.GetProperty("id").GetGuid()]);
        (none.GetProperty("alertCount").GetInt32(), none.GetProperty("alerts").GetArrayLength()).Should().Be((0, 0));
    }

    [SkippableFact]
    public async Task UpdateAlert_ChangesOwnerResolutionStateTicketAndCustomFields()
    {
        var raised = await _api.CreateAlertAsync(_operator, _computer, "Runbook Backup failed", "Error");
        var id = raised.GetProperty("id").GetGuid();

        var published = await RunJsonAsync("update-alert", "--alert-id", id.ToString(), "--owner", "kim", "--resolution-state", "Acknowledged",
            "--ticket-id", "INC0042", "--custom-field3", "retrying", "--comment", "picked up by the runbook");
        var closed = await RunJsonAsync("update-alert", "--alert-id", id.ToString(), "--resolution-state", "255");

        (published.GetProperty("owner").GetString(), published.GetProperty("resolutionState").GetInt32(), published.GetProperty("ticketId").GetString(),
            published.GetProperty("customField3").GetString()).Should().Be(("kim", 249, "INC0042", "retrying"));
        var stored = await GetAsync($"/api/v1/alerts/{id}");
        (stored.GetProperty("owner").GetString(), stored.GetProperty("resolutionState").GetInt32(), stored.GetProperty("ticketId").GetString())
            .Should().Be(("kim", 255, "INC0042"));
        closed.GetProperty("timeResolved").ValueKind.Should().Be(JsonValueKind.String);
        var history = (await GetAsync($"/api/v1/alerts/{id}/history")).GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("by").GetString(), e.GetProperty("comment").GetString())).ToList();
        history.Should().Contain(("runbooks", "picked up by the runbook"));
    }

    [SkippableFact]
    public async Task Refusals_ExitNonZero_WithTheServersProblem_AndChangeNothing()
    {
        var unknown = Guid.NewGuid();

        var missing = await RunAsync("update-alert", "--alert-id", unknown.ToString(), "--owner", "kim");
        var badSeverity = await RunAsync("create-alert", "--object", _computer.ToString(), "--name", "x", "--severity", "Fatal");
        var badOption = await RunAsync("get-alert", "--colour", "red");
        var badCriteria = await RunAsync("get-alert", "--criteria", "name ==== 'x'");
        var noKey = await RunAsync(["get-alert"], key: "");
        var noObject = await RunAsync("start-maintenance", "--monitor", "nowhere.contoso.com");
        var wrongKey = await RunAsync(["monitor-alert", "--timeout", "10"], key: "mh_not-a-key");

        (missing.Code, missing.Error).Should().Be((4, $"error: 404 Not Found: there is no alert {unknown}\n"));
        badSeverity.Code.Should().Be(1);
        badSeverity.Error.Should().StartWith("error: 400 ").And.Contain("severity:");
        badOption.Code.Should().Be(2);
        badOption.Error.Should().Contain("get-alert does not take '--colour'");
        badCriteria.Code.Should().Be(1);
        badCriteria.Error.Should().StartWith("error: 400 ").And.Contain("criteria");
        (noKey.Code, noKey.Error).Should().Be((3, "error: no API key: set MH_API_KEY (mh keys create --role Operator --name runbooks makes one)\n"));
        (noObject.Code, noObject.Error).Should().Be((4, "error: no object is named 'nowhere.contoso.com' (by display name, path or full name)\n"));
        wrongKey.Code.Should().Be(1);
        wrongKey.Error.Should().StartWith("error: 401 ");
        foreach (var run in new[] { missing, badSeverity, badOption, badCriteria, noKey, noObject, wrongKey })
        {
            run.Output.Should().BeEmpty();
        }

        (await GetAsync("/api/v1/alerts")).GetProperty("items").GetArrayLength().Should().Be(0);
        (await GetAsync("/api/v1/maintenance")).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [SkippableFact]
    public async Task MonitorAlert_PublishesNewAndUpdatedAlertsTheFiltersMatch_ThenStopsAfterCount()
    {
        using var monitor = Start("monitor-alert", "--severity", "Critical", "--count", "2", "--timeout", "60");
        await monitor.Ready.WaitAsync(Patience);

        await _api.CreateAlertAsync(_operator, _computer, "Runbook Backup slow", "Warning");
        var failed = await _api.CreateAlertAsync(_operator, _computer, "Runbook Backup failed", "Error");
        var id = failed.GetProperty("id").GetGuid();
        (await _api.SendAsync(HttpMethod.Patch, $"/api/v1/alerts/{id}", _operator, """{ "owner": "kim", "comment": "mine" }""")).Response.Dispose();
        var code = await monitor.ExitAsync(Patience);

        code.Should().Be(0, monitor.Error);
        var events = monitor.Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        events.Select(e => (e.GetProperty("event").GetString(), e.GetProperty("alert").GetProperty("id").GetGuid()))
            .Should().Equal(("alert.created", id), ("alert.updated", id));
        (events[0].GetProperty("alert").GetProperty("name").GetString(), events[0].GetProperty("alert").GetProperty("owner").ValueKind)
            .Should().Be(("Runbook Backup failed", JsonValueKind.Null));
        events[1].GetProperty("alert").GetProperty("owner").GetString().Should().Be("kim");
        events[1].GetProperty("change").GetProperty("changes").GetProperty("owner").EnumerateArray().Select(v => v.GetString()).Should().Equal(null, "kim");
        events[1].GetProperty("sequence").GetInt64().Should().BeGreaterThan(events[0].GetProperty("sequence").GetInt64());

        // Without events, --timeout ends the watch quietly.
        using var idle = Start("monitor-alert", "--name", "never", "--timeout", "1");
        (await idle.ExitAsync(Patience), idle.Output).Should().Be((0, ""));
    }

    [SkippableFact]
    public async Task StartAndStopMaintenance_AreVisibleThroughTheApi_AndGetMonitorShowsThem()
    {
        var started = await RunJsonAsync("start-maintenance", "--monitor", RunbookServer, "--reason", "PlannedApplicationMaintenance",
            "--duration", "30", "--comment", "patching the runbook server");

        (started.GetProperty("id").GetGuid(), started.GetProperty("fullName").GetString(), started.GetProperty("reason").GetString(),
            started.GetProperty("comment").GetString(), started.GetProperty("inMaintenanceMode").GetBoolean())
            .Should().Be((_computer, $"Microsoft.Windows.Computer:{RunbookServer}", "PlannedApplicationMaintenance", "patching the runbook server", true));
        (started.GetProperty("stopTime").GetDateTimeOffset() - started.GetProperty("startTime").GetDateTimeOffset()).Should().BeCloseTo(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(1));
        started.GetProperty("entered").EnumerateArray().Select(e => e.GetGuid()).Should().Contain(_computer);
        var window = (await GetAsync("/api/v1/maintenance")).GetProperty("items").EnumerateArray().Single(w => w.GetProperty("objectId").GetGuid() == _computer);
        (window.GetProperty("reason").GetString(), window.GetProperty("by").GetString()).Should().Be(("PlannedApplicationMaintenance", "runbooks"));

        var inMaintenance = await RunJsonAsync("get-monitor", "--in-maintenance-mode", "true");
        inMaintenance.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).Should().Contain(_computer).And.NotContain(_vm);
        var computer = (await RunJsonAsync("get-monitor", "--display-name", RunbookServer, "--class", "Microsoft.Windows.Computer")).GetProperty("objects").EnumerateArray().Single();
        (computer.GetProperty("id").GetGuid(), computer.GetProperty("inMaintenanceMode").GetBoolean(), computer.GetProperty("healthStateName").GetString())
            .Should().Be((_computer, true, (await GetAsync($"/api/v1/objects/{_computer}")).GetProperty("healthStateName").GetString()));

        var stopped = await RunJsonAsync("stop-maintenance", "--monitor", _computer.ToString());

        (stopped.GetProperty("fullName").GetString(), stopped.GetProperty("inMaintenanceMode").GetBoolean()).Should().Be(($"Microsoft.Windows.Computer:{RunbookServer}", false));
        stopped.GetProperty("left").EnumerateArray().Select(e => e.GetGuid()).Should().Contain(_computer);
        (await GetAsync($"/api/v1/objects/{_computer}")).GetProperty("inMaintenanceMode").GetBoolean().Should().BeFalse();
        (await GetAsync("/api/v1/maintenance")).GetProperty("items").GetArrayLength().Should().Be(0);
        (await RunJsonAsync("get-monitor", "--in-maintenance-mode", "true")).GetProperty("objectCount").GetInt32().Should().Be(0);
        (await RunAsync("stop-maintenance", "--monitor", RunbookServer)).Code.Should().Be(4, "the computer is not in maintenance any more");
    }

    [SkippableFact]
    public async Task MonitorState_FiresWhenTheObjectsHealthBecomesTheStateAskedFor()
    {
        using var monitor = Start("monitor-state", "--object", _vm.ToString(), "--state", "Critical", "--count", "1", "--timeout", "60");
        await monitor.Ready.WaitAsync(Patience);

        await SampleAsync(97.5, "2026-11-30T10:00:00Z");
        var code = await monitor.ExitAsync(Patience);

        code.Should().Be(0, monitor.Error);
        var fired = JsonDocument.Parse(monitor.Output).RootElement;
        (fired.GetProperty("id").GetGuid(), fired.GetProperty("healthStateName").GetString(), fired.GetProperty("displayName").GetString())
            .Should().Be((_vm, "Error", (await GetAsync($"/api/v1/objects/{_vm}")).GetProperty("displayName").GetString()));
        fired.GetProperty("stateChange").GetProperty("newState").GetInt32().Should().Be(3);
        fired.GetProperty("stateChange").GetProperty("oldState").GetInt32().Should().NotBe(3);
        (await RunJsonAsync("get-monitor", "--health-state", "Critical")).GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetGuid())
            .Should().Equal(_vm);

        // Healthy again: a watch for Critical does not fire, one for Healthy does.
        using var critical = Start("monitor-state", "--object", _vm.ToString(), "--state", "Critical", "--count", "1", "--timeout", "2");
        using var healthy = Start("monitor-state", "--object", _vm.ToString(), "--state", "Healthy", "--count", "1", "--timeout", "60");
        await Task.WhenAll(critical.Ready, healthy.Ready).WaitAsync(Patience);
        await SampleAsync(10, "2026-11-30T10:05:00Z");
        (await healthy.ExitAsync(Patience)).Should().Be(0, healthy.Error);
        JsonDocument.Parse(healthy.Output).RootElement.GetProperty("healthStateName").GetString().Should().Be("Success");
        (await critical.ExitAsync(Patience), critical.Output).Should().Be((0, ""));
    }

    private async Task SampleAsync(double value, string time)
    {
        var (status, body, response) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/objects/{_vm}/performance", _operator, string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $$"""[ { "objectName": "Processor", "counterName": "% Processor Time", "instanceName": "_Total", "value": {{value}}, "time": "{{time}}" } ]"""));
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK, body.ToString());
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        var (status, body, response) = await _api.SendAsync(HttpMethod.Get, path, _operator);
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK, body.ToString());
        return body;
    }

    private async Task<JsonElement> RunJsonAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        code.Should().Be(0, error);
        error.Should().BeEmpty();
        return JsonDocument.Parse(output).RootElement;
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, _operator);

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] args, string key)
    {
        using var run = Start(args, key);
        var code = await run.ExitAsync(Patience);
        return (code, run.Output, run.Error);
    }

    private ScriptRun Start(params string[] args) => Start(args, _operator);

    private ScriptRun Start(string[] args, string key)
    {
        if (!File.Exists("/usr/bin/jq") && !File.Exists("/usr/local/bin/jq"))
        {
            CiRequirement.SkipLocallyOrFail("jq is not installed (test.sh installs it)");
        }

        return new ScriptRun(Script, args, new Dictionary<string, string> { ["MH_URL"] = _api.Url, ["MH_API_KEY"] = key });
    }

    /// <summary>The script running under bash: its output so far, and when it said (on stderr) that it follows the feed.</summary>
    private sealed class ScriptRun : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ScriptRun(string script, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
            _process.ErrorDataReceived += (_, e) =>
            {
                Append(_error, e.Data);
                if (e.Data?.StartsWith("following ", StringComparison.Ordinal) == true)
                {
                    _ready.TrySetResult();
                }
            };
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public Task Ready => _ready.Task;

        /// <summary>The lines written to stdout (progress lines of stderr are not part of it).</summary>
        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>What went to stderr, minus the line saying where the feed is followed from.</summary>
        public string Error
        {
            get
            {
                lock (_error)
                {
                    return string.Concat(_error.ToString().Split('\n').Where(l => l.Length > 0 && !l.StartsWith("following ", StringComparison.Ordinal)).Select(l => l + "\n"));
                }
            }
        }

        public async Task<int> ExitAsync(TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static void Append(StringBuilder text, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (text)
            {
                text.Append(line).Append('\n');
            }
        }
    }
}
