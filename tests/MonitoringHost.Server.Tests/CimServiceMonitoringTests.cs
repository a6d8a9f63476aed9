using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared.WsMan;

namespace MonitoringHost.Server.Tests;

/// <summary>
/// Windows services and a WMI performance value watched from this host over WS-Man, end to end: <c>Test.Cim.xml</c>
/// discovers the automatic services of a Windows computer added through the API (its name the WinRM test endpoint's
/// <c>127.0.0.1:port</c>), monitors each with <c>Microsoft.Windows.CheckNTServiceStateMonitorType</c> and thresholds
/// Available MBytes read from WMI, with a Run As account assigned through the API, on a fake clock.
/// </summary>
public sealed class CimServiceMonitoringTests : IAsyncLifetime
{
    private const string Password = "Cim-Pässwort-S3cret!";
    private const string ServiceClass = "Test.Cim.WindowsService";
    private const string ServiceMonitor = "Test.Cim.ServiceRunning";
    private static readonly string[] AutomaticServices = ["HealthService", "OMSDK", "WinRM", "omanagement", "omonitor", "oremoting", "orunbook"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private WsManTestEndpoint _endpoint = null!;
    private LoopbackServer _api = null!;
    private string _reader = "";
    private string _computerName = "";

    public async Task InitializeAsync()
    {
        _endpoint = await WsManTestEndpoint.StartAsync("CONTOSO\\svc-monitor", Password);
        _endpoint.Service("omonitor").Start();
        _computerName = $"127.0.0.1:{_endpoint.Port}";
        _api = await LoopbackServer.StartAsync([Path.Combine(RepositoryPaths.Root, "tests", "MonitoringHost.Server.Tests", "Packs", "Test.Cim.xml")], time: _time);
        _reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _endpoint.DisposeAsync();
    }

    [Fact]
    public async Task ServicesAreDiscovered_StopRaisesOneAlert_StartResolvesIt_BadPasswordAndOutageChangeNoState()
    {
        // Restarted with its log collected, as a service's log would be.
        using var log = new CollectingLog();
        await _api.StopAsync();
        _api.Logging = log;
        await _api.StartAgainAsync();
        using var admin = _api.ClientFor(await _api.KeyAsync("admin", ApiRole.Administrator));
        var account = await admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("Windows monitoring", "Windows",
            new Dictionary<string, string> { ["UserName"] = "svc-monitor", ["Password"] = Password, ["Domain"] = "CONTOSO" }));
        await admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(AgentlessProtocols.WsManProfile, "class", "System.Entity", account.Id));
        var computer = await AddComputerAsync();

        // Discovery runs as soon as the computer is there; each service's monitor within its 30 s interval.
        await AdvanceUntilAsync(() => Task.FromResult(Services().Count == AutomaticServices.Length && MonitorInstances().All(i => i.Runs > 0)), 60);
        Services().Select(s => s["ServiceName"]).Should().BeEquivalentTo(AutomaticServices, "cshost starts manually and the query asks for StartMode='Auto'");
        Services().Single(s => s["ServiceName"] == "WinRM").DisplayName.Should().Be("Windows Remote Management (WS-Management)");
        MonitorInstances().Should().OnlyContain(i => i.MonitorTypeState == "Running" && i.LastError == null);
        foreach (var service in Services())
        {
            (await HealthAsync(service.Id))[ServiceMonitor].Should().Be("Success");
        }

        (await AlertsAsync()).Should().BeEmpty();

        // Available MBytes from WMI: collected, and over the 500 MB threshold.
        await AdvanceUntilAsync(async () => (await HealthAsync(computer)).GetValueOrDefault("Test.Cim.AvailableMemory") == "Success", 30);
        var (_, samples, samplesResponse) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{computer}/performance?objectName=Memory&counterName=Available%20MBytes", _reader);
        samplesResponse.Dispose();
        var sample = samples.GetProperty("items").EnumerateArray().First();
        (sample.GetProperty("objectName").GetString(), sample.GetProperty("value").GetDouble()).Should().Be(("Memory", 4096));
        _endpoint.AvailableMBytes = 120;
        await AdvanceUntilAsync(async () => (await HealthAsync(computer))["Test.Cim.AvailableMemory"] == "Error", 30);

        // One service stops: its monitor turns Error and raises one alert, the others stay as they were.
        var healthService = Services().Single(s => s["ServiceName"] == "HealthService").Id;
        _endpoint.Service("HealthService").Stop();
        await AdvanceUntilAsync(async () => (await HealthAsync(healthService))[ServiceMonitor] == "Error", 40);
        await AdvanceAsync(60);
        var alert = (await AlertsAsync()).Should().ContainSingle().Subject;
        alert.GetProperty("monitoringObjectId").GetGuid().Should().Be(healthService);
        alert.GetProperty("ruleOrMonitorId").GetString().Should().Be(ServiceMonitor);
        alert.GetProperty("name").GetString().Should().Be("Windows service stopped");
        alert.GetProperty("description").GetString().Should().Be("The service HealthService is not running (state 1).");
        alert.GetProperty("resolutionState").GetInt32().Should().Be(0);
        foreach (var other in Services().Where(s => s.Id != healthService))
        {
            (await HealthAsync(other.Id))[ServiceMonitor].Should().Be("Success");
        }

        // Started again: Success, and the alert resolves itself.
        _endpoint.Service("HealthService").Start();
        await AdvanceUntilAsync(async () => (await HealthAsync(healthService))[ServiceMonitor] == "Success", 40);
        await _api.Server.Engine.FlushAsync();
        var resolved = (await AlertsAsync()).Should().ContainSingle().Subject;
        resolved.GetProperty("resolutionState").GetInt32().Should().Be(255);
        resolved.GetProperty("resolvedBy").GetString().Should().Be("System");

        // The password changes on the computer: every run says why in its last error; no state changes, no alert.
        _endpoint.Accept("CONTOSO\\svc-monitor", "changed-on-the-computer");
        _endpoint.Service("OMSDK").Stop();
        await AdvanceAsync(40);
        var failing = MonitorInstances();
        failing.Should().OnlyContain(i => i.LastError != null && i.LastError.Contains("HTTP 401", StringComparison.Ordinal)
            && i.LastError.Contains("refused the credentials of user 'CONTOSO\\svc-monitor'", StringComparison.Ordinal));
        failing.Should().OnlyContain(i => !i.LastError!.Contains(Password, StringComparison.Ordinal));
        var (_, workflows, workflowsResponse) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{healthService}/workflows", _reader);
        workflowsResponse.Dispose();
        var monitor = workflows.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("workflowId").GetString() == $"Test.Cim!{ServiceMonitor}");
        (monitor.GetProperty("kind").GetString(), monitor.GetProperty("runs").GetBoolean(), monitor.GetProperty("monitorTypeState").GetString()).Should().Be(("UnitMonitor", true, "Running"));
        (await admin.GetWorkflowsAsync(healthService)).Should().Contain(w => w.WorkflowId == $"Test.Cim!{ServiceMonitor}" && w.RunCount > 0 && w.LastError!.Contains("HTTP 401", StringComparison.Ordinal));
        monitor.GetProperty("lastError").GetString().Should().StartWith("CimException: Get Win32_Service: http://127.0.0.1:").And.Contain("refused the credentials of user 'CONTOSO\\svc-monitor' with Basic authentication (HTTP 401");
        foreach (var service in Services())
        {
            (await HealthAsync(service.Id))[ServiceMonitor].Should().Be("Success", "a refused login is not a stopped service");
        }

        var state = _api.Server.Host.Services.Agentless.Reachability.State(AgentlessProtocols.WsMan, _computerName)!;
        (state.Reachable, state.Status, state.RetryAfter).Should().Be((true, "AuthenticationFailed", (DateTimeOffset?)null), "the computer answered; it is not backed off");
        (await AlertsAsync()).Where(a => a.GetProperty("resolutionState").GetInt32() != 255).Should().BeEmpty();
        _endpoint.Service("OMSDK").Start();
        _endpoint.Accept("CONTOSO\\svc-monitor", Password);
        await AdvanceAsync(40);
        MonitorInstances().Should().OnlyContain(i => i.LastError == null);

        // The computer stops answering: it is backed off (one attempt per backoff, not one per workflow), no state changes, no alerts.
        await _endpoint.DisposeAsync();
        await AdvanceAsync(40);
        state = _api.Server.Host.Services.Agentless.Reachability.State(AgentlessProtocols.WsMan, _computerName)!;
        (state.Reachable, state.Status).Should().Be((false, "Unreachable"));
        state.ConsecutiveFailures.Should().BeInRange(1, 7,
            "every failed attempt counts: without backoff the 7 service monitors (30 s) and the memory data source (10 s) would have tried at least 11 times in 40 s");
        var instances = MonitorInstances();
        instances.Should().OnlyContain(i => i.LastError != null
            && (i.LastError.StartsWith($"RemoteHostUnavailableException: wsman to {_computerName} not tried until", StringComparison.Ordinal)
                || i.LastError.StartsWith("CimException: ", StringComparison.Ordinal) && i.LastError.Contains("cannot be reached", StringComparison.Ordinal)));
        instances.Should().Contain(i => i.LastError!.StartsWith("RemoteHostUnavailableException", StringComparison.Ordinal), "runs during the backoff do not try");
        foreach (var service in Services())
        {
            (await HealthAsync(service.Id))[ServiceMonitor].Should().Be("Success");
        }

        (await AlertsAsync()).Where(a => a.GetProperty("resolutionState").GetInt32() != 255).Should().BeEmpty();

        // Neither the store nor the log ever holds the password in clear.
        await _api.StopAsync();
        foreach (var file in Directory.GetFiles(_api.Folder, "*.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Password)).Should().Be(-1, $"{file} holds no password in UTF-8");
            bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(Password)).Should().Be(-1, $"{file} holds no password in UTF-16");
        }

        log.Entries.Should().NotContain(e => e.Message.Contains(Password, StringComparison.Ordinal) || (e.Exception != null && e.Exception.ToString().Contains(Password, StringComparison.Ordinal)));
        _api.Logging = null;
        await _api.StartAgainAsync();
    }

    /// <summary>The Windows computer, named by the endpoint's address and port, through <c>POST /api/v1/discovery-data</c>.</summary>
    private async Task<Guid> AddComputerAsync()
    {
        var key = await _api.KeyAsync("operator", ApiRole.Operator);
        var (status, body, response) = await _api.SendAsync(HttpMethod.Post, "/api/v1/discovery-data", key, $$"""
            { "mode": "incremental", "source": { "kind": "sdk", "id": "tests" },
              "objects": [ { "class": "Microsoft.Windows.Computer", "properties": { "PrincipalName": "{{_computerName}}", "NetworkName": "{{_computerName}}" } } ] }
            """);
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK, body.ToString());
        await _api.Server.Engine.FlushAsync();
        return _api.Server.Space.WithProperty("Microsoft.Windows.Computer", "PrincipalName", _computerName).Single().Id;
    }

    private List<Discovery.Instances.MonitoringObject> Services() => [.. _api.Server.Space.OfClass(ServiceClass)];

    private List<WorkflowInstance> MonitorInstances() =>
        [.. Services().SelectMany(s => _api.Server.Host.InstancesOf(s.Id)).Where(i => i.Workflow.Kind == WorkflowKind.UnitMonitor)];

    private Task AdvanceAsync(int seconds) => new ServerClock(_api, _time).AdvanceAsync(seconds);

    private Task AdvanceUntilAsync(Func<Task<bool>> done, int seconds) =>
        new ServerClock(_api, _time).AdvanceUntilAsync(done, seconds, () => MonitorInstances().Select(m => m.LastError));

    /// <summary>
    /// The alerts of the test pack's monitors (the server's own may warn that many runs fail while the password is
    /// wrong or the computer is down: that is what they are for).
    /// </summary>
    private async Task<List<JsonElement>> AlertsAsync()
    {
        var (_, body, response) = await _api.SendAsync(HttpMethod.Get, "/api/v1/alerts", _reader);
        response.Dispose();
        return [.. body.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("ruleOrMonitorId").GetString()!.StartsWith("Test.Cim.", StringComparison.Ordinal))];
    }

    private Task<Dictionary<string, string>> HealthAsync(Guid id) => _api.HealthAsync(_reader, id);
}
