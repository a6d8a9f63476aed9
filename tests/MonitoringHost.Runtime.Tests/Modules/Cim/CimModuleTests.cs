using MonitoringHost.Probes.WsMan;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Modules.Cim;
using MonitoringHost.Runtime.Tests.Credentials;
using MonitoringHost.Tests.Shared.WsMan;

namespace MonitoringHost.Runtime.Tests.Modules.Cim;

/// <summary>The CIM modules against the WinRM test endpoint, with a Run As account from a real credential store.</summary>
public sealed class CimModuleTests : IAsyncLifetime
{
    private CimHarness _cim = null!;

    public async Task InitializeAsync() => _cim = await CimHarness.StartAsync();

    public async Task DisposeAsync() => await _cim.DisposeAsync();

    private static string Wmi(string nameSpace, string query) =>
        $"""<ProbeAction ID="Probe"><NameSpace>{nameSpace}</NameSpace><Query>{query}</Query></ProbeAction>""";

    private static string Service(string computer, string name, string more = "") =>
        $"""<DataSource ID="DS"><ComputerName>{computer}</ComputerName><ServiceName>{name}</ServiceName>{more}</DataSource>""";

    [Fact]
    public async Task WmiProbe_EmitsOneSetWithABagPerWmiObject()
    {
        var module = (WmiProbe)_cim.Create(WmiProbeFactory.Id, Wmi(@"root\cimv2", "SELECT * FROM Win32_Service WHERE StartMode='Auto'"));

        module.Query.Connection.Endpoint.HostKey.Should().Be(_cim.ComputerName, "root\\cimv2 names no computer: the target Windows computer's name is used");
        var output = await _cim.RunAsync(module);

        output.Items.Should().BeEmpty();
        var set = output.Sets.Should().ContainSingle().Subject;
        set.Items.Cast<PropertyBagData>().Select(b => b["Name"]).Should().Equal("WinRM", "omanagement", "oremoting", "omonitor", "orunbook", "HealthService", "OMSDK");
        var winrm = (PropertyBagData)set.Items[0];
        (winrm["DisplayName"], winrm["State"], winrm["ProcessId"], winrm["AcceptStop"], winrm["InstallDate"]).Should().Be(
            ("Windows Remote Management (WS-Management)", "Running", "1188", "true", ""));
        var omonitor = (PropertyBagData)set.Items[3];
        (omonitor["State"], omonitor["ExitCode"]).Should().Be(("Stopped", "1077"));
    }

    [Fact]
    public async Task QueryMatchingNothing_EmitsAnEmptySet_AndArraysAndDatesAreText()
    {
        var none = await _cim.RunAsync(_cim.Create(WmiProbeFactory.Id, Wmi(@"ROOT\cimv2", "SELECT * FROM Win32_Service WHERE Name='NoSuchService'")));
        none.Sets.Should().ContainSingle().Which.Count.Should().Be(0);

        var os = await _cim.RunAsync(_cim.Create(WmiProbeFactory.Id, """<ProbeAction ID="Probe"><NameSpace>root\cimv2</NameSpace><Query>SELECT * FROM Win32_OperatingSystem</Query></ProbeAction>"""));
        var bag = (PropertyBagData)os.Sets.Should().ContainSingle().Which.Items.Should().ContainSingle().Subject;
        (bag["MUILanguages"], bag["InstallDate"], bag["CSDVersion"], bag["FreePhysicalMemory"]).Should().Be(("en-US,de-DE", "2023-09-14T08:21:37.0000000+00:00", "", "5242880"));
        bag.ToXml().Should().Contain("<Property Name=\"Caption\" VariantType=\"8\">Microsoft Windows Server 2022 Standard</Property>");
    }

    [Fact]
    public async Task ProjectionQuery_GivesBagsOfTheSelectedProperties()
    {
        var output = await _cim.RunAsync(_cim.Create(WmiProbeFactory.Id, Wmi(@"root\cimv2", "SELECT Name, StartMode FROM Win32_Service WHERE State='Stopped'")));

        var bag = (PropertyBagData)output.Sets.Single().Items.Should().ContainSingle().Subject;
        bag.Values.Should().Equal(new Dictionary<string, string> { ["Name"] = "omonitor", ["StartMode"] = "Auto" });
    }

    [Fact]
    public async Task NamespaceNamingAComputer_IsUsed_AndTheTargetNeedNotBeAComputer()
    {
        var module = (WmiProbe)_cim.Create(WmiProbeFactory.Id, $"""<ProbeAction ID="Probe"><NameSpace>\\{_cim.ComputerName}\root\cimv2</NameSpace><Query>SELECT * FROM Win32_OperatingSystem</Query></ProbeAction>""", _cim.Service);

        module.Query.Connection.Endpoint.Should().Be(new AgentlessEndpoint(AgentlessProtocols.WsMan, "127.0.0.1", _cim.Endpoint.Port));
        module.Query.Connection.Namespace.Should().Be("root/cimv2");
        (await _cim.RunAsync(module)).Sets.Single().Count.Should().Be(1);
    }

    [Fact]
    public async Task ServiceProbe_GivesScmValues_FindsTheComputerUpTheHostChain_AndState8ForAMissingService()
    {
        // ComputerName "." on a service object: the computer hosting it.
        var probe = _cim.Create(Win32ServiceInformationProbe.Factory.Id, Service(".", "HealthService"), _cim.Service);
        var running = (PropertyBagData)(await _cim.RunAsync(probe)).Items.Single();
        running.Values.Should().Contain(new Dictionary<string, string>
        {
            ["Name"] = "HealthService", ["DisplayName"] = "Microsoft Monitoring Agent", ["State"] = "4", ["StartMode"] = "2", ["ServiceType"] = "16",
            ["ProcessId"] = "3344", ["Win32ExitCode"] = "0", ["ServiceAccount"] = "LocalSystem", ["BinaryPathName"] = "\"C:\\Program Files\\Test\\HealthService.exe\"",
        });

        _cim.Endpoint.Service("HealthService").Stop();
        var stopped = (PropertyBagData)(await _cim.RunAsync(probe)).Items.Single();
        (stopped["State"], stopped["ProcessId"], stopped["Win32ExitCode"]).Should().Be(("1", "0", "1077"));

        var manual = (PropertyBagData)(await _cim.RunAsync(_cim.Create(Win32ServiceInformationProbe.Factory.Id, Service(_cim.ComputerName, "cshost")))).Items.Single();
        manual["StartMode"].Should().Be("3");

        var missing = (PropertyBagData)(await _cim.RunAsync(_cim.Create(Win32ServiceInformationProbe.Factory.Id, Service(_cim.ComputerName, "NoSuchService")))).Items.Single();
        missing.Values.Should().Equal(new Dictionary<string, string> { ["Name"] = "NoSuchService", ["State"] = "8" });
        _cim.Agentless.Reachability.State(AgentlessProtocols.WsMan, _cim.ComputerName)!.Status.Should().Be("OK", "the computer answered that it has no such service");
    }

    [Fact]
    public async Task ServiceProvider_EmitsOnChangeAndEveryTenthPoll_OrEveryPollWithoutCaching()
    {
        var cached = _cim.Create(Win32ServiceInformationProvider.Factory.Id, Service(_cim.ComputerName, "OMSDK", "<Frequency>30</Frequency>"));
        ((SchedulerModule)cached).Schedule.Interval.Should().Be(TimeSpan.FromSeconds(30));
        var emitted = new List<int>();
        for (var poll = 1; poll <= 14; poll++)
        {
            if (poll == 4)
            {
                _cim.Endpoint.Service("OMSDK").Stop();
            }

            if ((await _cim.RunAsync(cached)).Items.Count == 1)
            {
                emitted.Add(poll);
            }
        }

        emitted.Should().Equal([1, 4, 14], "the first read, the change, and the tenth unchanged poll after it are emitted");
        var uncached = _cim.Create(Win32ServiceInformationProvider.Factory.Id, Service(_cim.ComputerName, "OMSDK", "<Frequency>30</Frequency><DisableCaching>true</DisableCaching>"));
        for (var poll = 0; poll < 3; poll++)
        {
            (await _cim.RunAsync(uncached)).Items.Should().ContainSingle().Which.Select(DataPath.Parse("Property[@Name='State']")).Should().Be("1");
        }
    }

    [Fact]
    public async Task WrongPassword_Throws401WithTheUser_AndTheComputerIsNotBackedOff()
    {
        _cim.Endpoint.Accept($"{CimHarness.Domain}\\{CimHarness.UserName}", "changed");
        var probe = _cim.Create(Win32ServiceInformationProbe.Factory.Id, Service(_cim.ComputerName, "WinRM"));

        var failure = (await FluentActions.Awaiting(() => _cim.RunAsync(probe)).Should().ThrowAsync<CimException>()).Which;

        failure.Kind.Should().Be(CimErrorKind.AuthenticationFailed);
        failure.Message.Should().Contain("refused the credentials of user 'CONTOSO\\svc-monitor'").And.Contain("HTTP 401").And.NotContain(CimHarness.Password);
        var state = _cim.Agentless.Reachability.State(AgentlessProtocols.WsMan, _cim.ComputerName)!;
        (state.Reachable, state.Status, state.RetryAfter).Should().Be((true, "AuthenticationFailed", (DateTimeOffset?)null));
        await FluentActions.Awaiting(() => _cim.RunAsync(probe)).Should().ThrowAsync<CimException>("the next run tries again");
    }

    [Fact]
    public async Task ComputerNotAnswering_IsBackedOff_AndLaterRunsDoNotTry()
    {
        await _cim.Endpoint.DisposeAsync();
        var provider = _cim.Create(WmiProbeFactory.Id, Wmi(@"root\cimv2", "SELECT * FROM Win32_Service"));

        (await FluentActions.Awaiting(() => _cim.RunAsync(provider)).Should().ThrowAsync<CimException>()).Which.Kind.Should().Be(CimErrorKind.Unreachable);
        var backedOff = await FluentActions.Awaiting(() => _cim.RunAsync(provider)).Should().ThrowAsync<RemoteHostUnavailableException>();

        backedOff.Which.Message.Should().StartWith($"wsman to {_cim.ComputerName} not tried until");
        var state = _cim.Agentless.Reachability.State(AgentlessProtocols.WsMan, _cim.ComputerName)!;
        (state.Reachable, state.Status, state.ConsecutiveFailures).Should().Be((false, "Unreachable", 1));
    }

    [Fact]
    public async Task BadConfiguration_OrNoComputer_KeepsTheInstanceFromLoading_WithTheReason()
    {
        FluentActions.Invoking(() => _cim.Create(Win32ServiceInformationProvider.Factory.Id, Service(".", "WinRM")))
            .Should().Throw<ModuleConfigurationException>().Which.Message.Should().Be("Test.Cim!Test.Cim.Workflow, module DS: Frequency is missing or empty");
        FluentActions.Invoking(() => _cim.Create(Win32ServiceInformationProvider.Factory.Id, Service(".", "WinRM", "<Frequency>0</Frequency>")))
            .Should().Throw<ModuleConfigurationException>().Which.Problem.Should().Be("0 is not between 1 and 31536000 seconds");
        FluentActions.Invoking(() => _cim.Create(WmiProbeFactory.Id, """<ProbeAction ID="Probe"><NameSpace>root\cimv2</NameSpace></ProbeAction>"""))
            .Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be("Query");

        var group = _cim.RunAs.Space.OfClass("System.Entity").First(o => o.ClassName == "Microsoft.Windows.Computer") with { ClassName = "Test.RunAs.Group", HostId = null };
        FluentActions.Invoking(() => _cim.Create(Win32ServiceInformationProbe.Factory.Id, Service("localhost", "WinRM"), group))
            .Should().Throw<ModuleConfigurationException>().Which.Problem.Should().Contain("names no computer, and").And.Contain("(Test.RunAs.Group) is not a Windows computer nor hosted by one");
    }

    [Fact]
    public async Task NoAccountForTheProfile_KeepsTheInstanceFromLoading()
    {
        await using var unassigned = await CimHarness.StartAsync(assign: false);

        FluentActions.Invoking(() => unassigned.Create(WmiProbeFactory.Id, Wmi(@"root\cimv2", "SELECT * FROM Win32_Service")))
            .Should().Throw<RunAsResolutionException>().Which.Message.Should().Contain(AgentlessProtocols.WsManProfile).And.Contain("no Run As account is assigned");
    }

    [Fact]
    public async Task ConfigurationNamingAProfile_ConnectsWithThatProfilesAccount()
    {
        await using var tokens = await CimHarness.StartAsync(assign: false);
        await tokens.AssignAsync(RunAsHarness.Profile, RunAsCredential.Windows($"{CimHarness.Domain}\\{CimHarness.UserName}", CimHarness.Password));
        var xml = $"""<ProbeAction ID="Probe"><NameSpace>root\cimv2</NameSpace><Query>SELECT * FROM Win32_OperatingSystem</Query><Account>$RunAs[Name="{RunAsHarness.Profile}"]/UserName$</Account></ProbeAction>""";

        (await tokens.RunAsync(tokens.Create(WmiProbeFactory.Id, xml))).Sets.Single().Count.Should().Be(1, "no account is assigned to the WS-Management profile: the configuration's profile was used");
    }

    [Theory]
    [InlineData(@"root\cimv2", null, "root/cimv2")]
    [InlineData(@"\\.\root\cimv2", null, "root/cimv2")]
    [InlineData(@"\\localhost\ROOT\CIMV2", null, "ROOT/CIMV2")]
    [InlineData(@"\\srv01.contoso.com\root\cimv2", "srv01.contoso.com", "root/cimv2")]
    [InlineData(@"\\10.0.0.5:5985\root\Microsoft\Windows\Storage", "10.0.0.5:5985", "root/Microsoft/Windows/Storage")]
    [InlineData("root/virtualization/v2", null, "root/virtualization/v2")]
    public void Namespace_NamesTheComputer_WhenItStartsWithTwoBackslashes(string text, string? computer, string path) =>
        CimComputer.SplitNamespace(text).Should().Be((computer, path));

    [Theory]
    [InlineData("Stopped", 1)]
    [InlineData("Start Pending", 2)]
    [InlineData("Stop Pending", 3)]
    [InlineData("Running", 4)]
    [InlineData("Continue Pending", 5)]
    [InlineData("Pause Pending", 6)]
    [InlineData("Paused", 7)]
    [InlineData("Unknown", 0)]
    public void ServiceState_IsTheScmNumber(string wmi, int scm) => Win32ServiceState.State(wmi).Should().Be(scm);

    [Fact]
    public void UserName_TakesTheDomain_UnlessTheNameHasOne()
    {
        CimConnection.UserName(RunAsCredential.Windows("svc", "x", "CONTOSO")).Should().Be("CONTOSO\\svc");
        CimConnection.UserName(RunAsCredential.Windows("OTHER\\svc", "x", "CONTOSO")).Should().Be("OTHER\\svc");
        CimConnection.UserName(RunAsCredential.Windows("svc@contoso.com", "x", "CONTOSO")).Should().Be("svc@contoso.com");
        CimConnection.UserName(RunAsCredential.Basic("monitor", "x")).Should().Be("monitor");
    }
}
