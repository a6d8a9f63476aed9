using System.Globalization;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Modules.OData;
using MonitoringHost.Tests.Shared.Orchestrator;

namespace MonitoringHost.Runtime.Tests.Modules.OData;

/// <summary><c>MonitoringHost.Agentless.ODataFeedProbe</c> against the Orchestrator web service double on loopback.</summary>
public sealed class ODataFeedProbeTests
{
    [Fact]
    public async Task ACollectionOfThreePages_GivesOneBagPerEntry_AsOneSet()
    {
        await using var harness = await ODataHarness.StartAsync();
        var ids = Enumerable.Range(1, 120)
            .Select(i => harness.Service.AddRunbook($"Runbook {i:000}", $"\\Operations\\Runbook {i:000}", isMonitor: i % 10 == 0))
            .ToList();

        var bags = await ODataHarness.ReadAsync(harness.Feed("Runbooks"));

        bags.Should().HaveCount(120);
        bags.Select(b => b["Id"]).Should().BeEquivalentTo(ids.Select(i => i.ToString("D")));
        var tenth = bags.Single(b => b["Id"] == ids[9].ToString("D"));
        tenth["Name"].Should().Be("Runbook 010");
        tenth["Path"].Should().Be("\\Operations\\Runbook 010");
        tenth["IsMonitor"].Should().Be("true");
        tenth["EntityType"].Should().Be("Runbook");
        tenth["CreationTime"].Should().Be("2026-05-14T08:30:00.000");
        tenth["Description"].Should().Be("", "a null is empty text");
        tenth["CheckedOutTime"].Should().Be("");
        long.Parse(tenth["ResponseTimeMilliseconds"]!, CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(0);
        bags.Count(b => b["IsMonitor"] == "true").Should().Be(12);
        harness.Service.RequestLog.Should().Equal(
            "GET /Orchestrator2012/Orchestrator.svc/Runbooks?$skip=0&$top=50&$inlinecount=allpages",
            "GET /Orchestrator2012/Orchestrator.svc/Runbooks?$skip=50&$top=50&$inlinecount=allpages",
            "GET /Orchestrator2012/Orchestrator.svc/Runbooks?$skip=100&$top=50&$inlinecount=allpages");
    }

    [Fact]
    public async Task AServiceWithSmallerPages_IsReadThroughItsNextLinks_WithoutRepeats()
    {
        await using var harness = await ODataHarness.StartAsync();
        harness.Service.PageSize = 20;
        var ids = Enumerable.Range(1, 70).Select(i => harness.Service.AddRunbook($"R{i}", $"\\R{i}")).ToList();

        var bags = await ODataHarness.ReadAsync(harness.Feed("Runbooks"));

        bags.Select(b => b["Id"]).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ids.Select(i => i.ToString("D")));
        harness.Service.RequestLog.Should().HaveCount(4).And.Contain(r => r.Contains("$skiptoken=guid'", StringComparison.Ordinal))
            .And.Contain(r => r.Contains("$skip=50&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANextLinkToAnotherServer_IsNotFollowed_NoCredentialsGoThere()
    {
        await using var harness = await ODataHarness.StartAsync();
        harness.Service.PageSize = 20;
        foreach (var i in Enumerable.Range(1, 30))
        {
            harness.Service.AddRunbook($"R{i}", $"\\R{i}");
        }

        harness.Service.NextLinkServer = "http://elsewhere.contoso.test:81";

        var error = await FluentActions.Awaiting(() => ODataHarness.ReadAsync(harness.Feed("Runbooks"))).Should().ThrowAsync<ODataFeedException>();

        error.Which.Message.Should().EndWith(": the next page is on another server (http://elsewhere.contoso.test:81); it is not read, and no credentials are sent there");
        harness.Service.RequestLog.Should().ContainSingle("only the first page was asked for");
    }

    [Fact]
    public async Task FilterOrderByAndTop_AreSentToTheService()
    {
        await using var harness = await ODataHarness.StartAsync();
        harness.Service.AddRunbook("Restart Service", "\\Operations\\Restart Service");
        harness.Service.AddRunbook("Monitor Disk", "\\Operations\\Monitor Disk", isMonitor: true);
        harness.Service.AddRunbook("Monitor Service Health", "\\Operations\\Monitor Service Health", isMonitor: true);
        harness.Service.AddRunbook("Monitor Share", "\\Operations\\Monitor Share", isMonitor: true);

        var bags = await ODataHarness.ReadAsync(harness.Feed("Runbooks", "<Filter>IsMonitor eq true and Name ne 'Monitor Disk'</Filter><OrderBy>Name desc</OrderBy><Top>5</Top>"));

        bags.Select(b => b["Name"]).Should().Equal("Monitor Share", "Monitor Service Health");
        harness.Service.RequestLog.Should().Equal(
            "GET /Orchestrator2012/Orchestrator.svc/Runbooks?$filter=IsMonitor%20eq%20true%20and%20Name%20ne%20%27Monitor%20Disk%27&$orderby=Name%20desc&$top=5");
    }

    [Fact]
    public async Task ANavigation_ReadsTheRunbooksInstances_WithTheirStatus()
    {
        await using var harness = await ODataHarness.StartAsync();
        var service = harness.Service;
        service.AddRunbookServer("SCO-RB01");
        var failing = service.AddRunbook("Provision VM", "\\Fabric\\Provision VM");
        var other = service.AddRunbook("Restart Service", "\\Operations\\Restart Service");
        var failed = service.StartJob(failing);
        harness.ServiceClock.Advance(TimeSpan.FromSeconds(12.345));
        service.CompleteJob(failed, "failed");
        var running = service.StartJob(failing);
        service.CompleteJob(service.StartJob(other), "success");

        var bags = await ODataHarness.ReadAsync(harness.Feed($"Runbooks(guid'{failing:D}')/Instances", "<OrderBy>CreationTime</OrderBy>"));

        bags.Select(b => (b["JobId"], b["Status"], b["CompletionTime"], b["EntityType"])).Should().Equal(
            (failed.ToString("D"), "failed", "2026-05-14T08:30:12.345", "RunbookInstance"),
            (running.ToString("D"), "Running", "", "RunbookInstance"));
        var jobs = await ODataHarness.ReadAsync(harness.Feed("Jobs", "<Filter>Status eq 'Running'</Filter>"));
        jobs.Select(b => (b["Id"], b["RunbookId"], b["EntityType"])).Should().Equal((running.ToString("D"), failing.ToString("D"), "Job"));
    }

    [Fact]
    public async Task AnEmptyCollection_GivesAnEmptySet()
    {
        await using var harness = await ODataHarness.StartAsync();

        (await ODataHarness.ReadAsync(harness.Feed("RunbookServers"))).Should().BeEmpty();
    }

    [Fact]
    public async Task AWrongPassword_FailsNaming401_AndTheComputerStaysReachable()
    {
        await using var harness = await ODataHarness.StartAsync();
        var probe = harness.Create($"<ServiceUrl>{harness.ServiceUrl}</ServiceUrl><Collection>Runbooks</Collection><UserName>CONTOSO\\svc-sco</UserName><Password>wrong</Password>");

        var output = new RecordingOutput();
        var run = () => probe.RunAsync(new TriggerData(DateTimeOffset.UtcNow), output, CancellationToken.None).AsTask();

        (await run.Should().ThrowAsync<ODataFeedException>()).Which.Message.Should().Be(
            $"{harness.ServiceUrl}Runbooks?$skip=0&$top=50&$inlinecount=allpages: answered 401 Unauthorized: the user name or password was refused (the service offers Negotiate, NTLM, Basic)");
        output.Sets.Should().BeEmpty();
        harness.Agentless.Reachability.State(ODataFeedProbe.Protocol, $"127.0.0.1:{harness.Service.Port}")!.Should()
            .Match<RemoteHostState>(s => s.Reachable && s.Status == "401" && s.RetryAfter == null);
    }

    [Fact]
    public async Task AServiceOfferingOnlyWindowsAuthentication_IsSignedInWithNtlm_ForEveryPage()
    {
        await using var harness = await ODataHarness.StartAsync();
        harness.Service.BasicEnabled = false;
        var ids = Enumerable.Range(1, 70).Select(i => harness.Service.AddRunbook($"R{i}", $"\\R{i}")).ToList();

        var bags = await ODataHarness.ReadAsync(harness.Feed("Runbooks"));

        bags.Select(b => b["Id"]).Should().BeEquivalentTo(ids.Select(i => i.ToString("D")));
        harness.Service.NtlmSignIns.Should().Be(2, "each of the two pages is signed in with NTLM");
        harness.Service.BasicAttempts.Should().Be(0, "the password never goes in clear to a service that offers NTLM");
    }

    [Fact]
    public async Task AServiceOfferingBasicButNotNtlm_IsSignedInWithBasic_OnlyWhenItAsks()
    {
        await using var harness = await ODataHarness.StartAsync();
        harness.Service.NtlmEnabled = false;
        harness.Service.AddRunbook("Restart Service", "\\Restart Service");

        (await ODataHarness.ReadAsync(harness.Feed("Runbooks"))).Should().ContainSingle();

        (harness.Service.Requests, harness.Service.BasicAttempts, harness.Service.NtlmSignIns).Should().Be((2, 1, 0), "the first request goes without credentials, the service's 401 asks for Basic");
    }

    [Fact]
    public async Task AServiceOfferingOnlyNegotiate_SaysWhatToEnable()
    {
        await using var harness = await ODataHarness.StartAsync();
        (harness.Service.NtlmEnabled, harness.Service.BasicEnabled) = (false, false);

        var error = await FluentActions.Awaiting(() => ODataHarness.ReadAsync(harness.Feed("Runbooks"))).Should().ThrowAsync<ODataFeedException>();

        error.Which.Message.Should().EndWith("answered 401 Unauthorized: the service offers only Negotiate authentication, which this host cannot sign in with; enable the NTLM provider of Windows authentication, or Basic authentication over HTTPS, for the web service in IIS");
    }

    [Fact]
    public async Task AServiceOfferingOnlyWindowsAuthentication_RefusingTheNtlmPassword_SaysSo()
    {
        await using var harness = await ODataHarness.StartAsync();
        harness.Service.BasicEnabled = false;
        harness.Service.Accept($"{ODataHarness.Domain}\\{ODataHarness.UserName}", "another password");

        var error = await FluentActions.Awaiting(() => ODataHarness.ReadAsync(harness.Feed("Runbooks"))).Should().ThrowAsync<ODataFeedException>();

        error.Which.Status.Should().Be(401);
        error.Which.Message.Should().EndWith("answered 401 Unauthorized: the user name or password was refused (the service offers Negotiate, NTLM)");
        harness.Service.NtlmSignIns.Should().Be(0);
    }

    [Fact]
    public async Task AStoppedService_Fails503_AndAnswersAgainWhenStarted()
    {
        await using var harness = await ODataHarness.StartAsync();
        harness.Service.AddRunbook("Restart Service", "\\Operations\\Restart Service");
        var probe = harness.Feed("Runbooks");
        harness.Service.Stop();

        var error = await FluentActions.Awaiting(() => ODataHarness.ReadAsync(probe)).Should().ThrowAsync<ODataFeedException>();

        error.Which.Status.Should().Be(503);
        error.Which.Message.Should().EndWith("answered 503 Service Unavailable: the web service is not running (its IIS application pool or site is stopped)");
        harness.Service.Start();
        (await ODataHarness.ReadAsync(probe)).Should().ContainSingle().Which["Name"].Should().Be("Restart Service");
    }

    [Fact]
    public async Task AServiceThatDoesNotAnswerInTime_TimesOut_AndIsBackedOff()
    {
        await using var harness = await ODataHarness.StartAsync();
        harness.Service.Delay = TimeSpan.FromSeconds(10);
        var probe = harness.Feed("Runbooks", "<TimeoutSeconds>1</TimeoutSeconds>");

        var error = await FluentActions.Awaiting(() => ODataHarness.ReadAsync(probe)).Should().ThrowAsync<ODataFeedException>();

        error.Which.Message.Should().Be($"{harness.ServiceUrl}Runbooks?$skip=0&$top=50&$inlinecount=allpages: no answer within 1 s");
        error.Which.Status.Should().BeNull();
        await FluentActions.Awaiting(() => ODataHarness.ReadAsync(probe)).Should().ThrowAsync<RemoteHostUnavailableException>("a service that did not answer is not asked again until its backoff is over");
    }

    [Fact]
    public async Task ARefusedConnection_SaysSo()
    {
        await using var harness = await ODataHarness.StartAsync();
        var port = harness.Service.Port;
        await harness.Service.DisposeAsync();

        var error = await FluentActions.Awaiting(() => ODataHarness.ReadAsync(harness.Feed("Runbooks"))).Should().ThrowAsync<ODataFeedException>();

        error.Which.Message.Should().StartWith($"http://{ODataHarness.ComputerName}:{port}/Orchestrator2012/Orchestrator.svc/Runbooks?").And.Contain("the connection was refused or failed");
        error.Which.Unreachable.Should().BeTrue();
    }

    [Fact]
    public async Task TheServicesODataError_Surfaces()
    {
        await using var harness = await ODataHarness.StartAsync();

        var error = await FluentActions.Awaiting(() => ODataHarness.ReadAsync(harness.Feed("Runbooks", "<Filter>Owner eq 'x'</Filter>"))).Should().ThrowAsync<ODataFeedException>();

        error.Which.Status.Should().Be(400);
        error.Which.Message.Should().EndWith("answered 400 Bad Request: No property 'Owner' exists in type 'Microsoft.SystemCenter.Orchestrator.WebService.Runbook' at position 0.");
    }

    [Fact]
    public async Task AnAddressInTheUrl_IsUsedAsItIs()
    {
        await using var harness = await ODataHarness.StartAsync();
        harness.Service.AddRunbookServer("SCO-RB01");
        var probe = harness.Create($"<ServiceUrl>{harness.Service.Url}</ServiceUrl><Collection>RunbookServers</Collection><Top>10</Top>{ODataHarness.Credentials}");

        (await ODataHarness.ReadAsync(probe)).Should().ContainSingle().Which.Values.Keys.Should().BeEquivalentTo("Id", "Name", "EntityType", "ResponseTimeMilliseconds");
    }

    [Theory]
    [InlineData("<ServiceUrl>http://u:p@sco01:81/Orchestrator2012/Orchestrator.svc/</ServiceUrl><Collection>Runbooks</Collection>", "ServiceUrl has a user name in it; give the credentials in UserName and Password")]
    [InlineData("<ServiceUrl>ftp://sco01/</ServiceUrl><Collection>Runbooks</Collection>", "ServiceUrl 'ftp://sco01/' is not an absolute http or https URL")]
    [InlineData("<ServiceUrl>http://sco01:81/Orchestrator2012/Orchestrator.svc/</ServiceUrl><Collection>Runbooks?$top=1</Collection>", "Collection 'Runbooks?$top=1' is not a collection path below the service root (such as Runbooks or Runbooks(guid'…')/Instances)")]
    [InlineData("<ServiceUrl>http://sco01:81/Orchestrator2012/Orchestrator.svc/</ServiceUrl><Collection>Runbooks</Collection><Top>0</Top>", "Top 0 is not between 1 and 10000")]
    [InlineData("<ServiceUrl>http://sco01:81/Orchestrator2012/Orchestrator.svc/</ServiceUrl><Collection>Runbooks</Collection><TimeoutSeconds>0</TimeoutSeconds>", "TimeoutSeconds 0 is not between 1 and 3600")]
    public async Task ABadConfiguration_IsRefused_NamingTheField(string configuration, string problem)
    {
        await using var harness = await ODataHarness.StartAsync();

        FluentActions.Invoking(() => harness.Create(configuration)).Should().Throw<ModuleConfigurationException>()
            .WithMessage($"Test.Orchestrator!Test.Orchestrator.Runbooks.Discovery, module DS/Feed: {problem}");
    }
}
