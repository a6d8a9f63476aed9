using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Cim;

namespace MonitoringHost.Runtime.Tests.Modules.Cim;

/// <summary>
/// <c>MonitoringHost.Agentless.WindowsEventLogProbe</c> against the WinRM test endpoint: only the events logged since
/// it was made, each once, oldest first, from the log it names, with a WQL time window.
/// </summary>
public sealed class WindowsEventLogProbeTests : IAsyncLifetime
{
    private CimHarness _cim = null!;

    public async Task InitializeAsync() => _cim = await CimHarness.StartAsync();

    public async Task DisposeAsync() => await _cim.DisposeAsync();

    [Fact]
    public async Task ReadsEachNewEventOnce_NotOlderOnes_NorOtherLogs()
    {
        var before = _cim.RunAs.Time.GetUtcNow();
        _cim.Endpoint.Log("Operations Manager", 33880, "SMCMDB Subsystem", 1, before.AddMinutes(-5), "an old failure");
        _cim.RunAs.Time.Advance(TimeSpan.FromSeconds(1));
        var probe = (WindowsEventLogProbe)_cim.Create(WindowsEventLogProbe.Factory.Id, """<ProbeAction ID="Read"><ComputerName /><LogName>Operations Manager</LogName></ProbeAction>""");
        var made = _cim.RunAs.Time.GetUtcNow();

        probe.Query(made).Should().Be($"SELECT ComputerName, EventCode, EventIdentifier, EventType, InsertionStrings, Logfile, Message, RecordNumber, SourceName, TimeGenerated, Type FROM Win32_NTLogEvent WHERE Logfile='Operations Manager' AND TimeGenerated >= '{made.UtcDateTime:yyyyMMddHHmmss}.000000+000'");
        (await _cim.RunAsync(probe)).Sets.Should().ContainSingle().Which.Count.Should().Be(0, "events logged before the probe was made are not replayed");

        _cim.RunAs.Time.Advance(TimeSpan.FromSeconds(30));
        _cim.Endpoint.Log("Operations Manager", 33880, "SMCMDB Subsystem", 1, _cim.RunAs.Time.GetUtcNow(), "Workflow A failed");
        _cim.Endpoint.Log("System", 7036, "Service Control Manager", 3, _cim.RunAs.Time.GetUtcNow(), "another log");
        _cim.Endpoint.Log("Operations Manager", 1234, "OpsMgr SDK Service", 3, _cim.RunAs.Time.GetUtcNow(), "started");
        var first = (await _cim.RunAsync(probe)).Sets.Single().Items.Cast<PropertyBagData>().ToList();
        first.Select(b => (b["RecordNumber"], b["EventCode"], b["SourceName"], b["Message"], b["Logfile"], b["Type"])).Should().Equal(
            ("2", "33880", "SMCMDB Subsystem", "Workflow A failed", "Operations Manager", "Error"),
            ("3", "1234", "OpsMgr SDK Service", "started", "Operations Manager", "Information"));

        (await _cim.RunAsync(probe)).Sets.Single().Count.Should().Be(0, "an event is read once");
        _cim.RunAs.Time.Advance(TimeSpan.FromSeconds(30));
        _cim.Endpoint.Log("Operations Manager", 33880, "SMCMDB Subsystem", 1, _cim.RunAs.Time.GetUtcNow(), "Workflow B failed");
        (await _cim.RunAsync(probe)).Sets.Single().Items.Cast<PropertyBagData>().Select(b => b["Message"]).Should().Equal("Workflow B failed");
    }

    [Fact]
    public void WithoutLogName_TheModuleDoesNotLoad()
    {
        var create = () => _cim.Create(WindowsEventLogProbe.Factory.Id, """<ProbeAction ID="Read"><LogName /></ProbeAction>""");

        create.Should().Throw<MonitoringHost.Runtime.Modules.ModuleConfigurationException>().Which.Field.Should().Be("LogName");
    }
}
