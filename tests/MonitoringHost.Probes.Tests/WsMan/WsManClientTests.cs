using MonitoringHost.Probes.WsMan;
using MonitoringHost.Tests.Shared.WsMan;

namespace MonitoringHost.Probes.Tests.WsMan;

/// <summary>The WS-Man client against the WinRM test endpoint on 127.0.0.1, over the real protocol.</summary>
public sealed class WsManClientTests : IAsyncLifetime
{
    private WsManTestEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await WsManTestEndpoint.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task GetInstance_OperatingSystemSingleton_ReadsTypedProperties()
    {
        using var client = new WsManClient(_endpoint.Target());

        var os = await client.GetInstanceAsync("Win32_OperatingSystem", new Dictionary<string, string>(), CancellationToken.None);

        os.ClassName.Should().Be("Win32_OperatingSystem");
        os.GetString("Caption").Should().Be("Microsoft Windows Server 2022 Standard");
        os.GetString("csname").Should().Be("SCO-TEST01", "property names are case-insensitive");
        os.GetUInt64("MaxProcessMemorySize").Should().Be(137438953344UL);
        os.GetInt64("NumberOfProcesses").Should().Be(112);
        os.GetBoolean("Primary").Should().BeTrue();
        os.GetString("Locale").Should().Be("0409", "a scalar stays the text WMI sent");
        os.GetDateTime("InstallDate").Should().Be(new DateTimeOffset(2023, 9, 14, 8, 21, 37, TimeSpan.Zero));
        os.GetDateTime("LastBootUpTime").Should().Be(new DateTimeOffset(2024, 5, 13, 22, 4, 11, 500, TimeSpan.FromHours(1)));
        os.GetStrings("MUILanguages").Should().Equal("en-US", "de-DE");
        os.Has("CSDVersion").Should().BeTrue();
        os["CSDVersion"].Should().BeNull("xsi:nil is NULL");
        os["Description"].Should().Be("", "an empty element is an empty string, not NULL");
    }

    [Fact]
    public async Task GetInstance_ServiceByKey_ReadsThatService()
    {
        using var client = new WsManClient(_endpoint.Target());

        var service = await client.GetInstanceAsync("Win32_Service", new Dictionary<string, string> { ["Name"] = "omanagement" }, CancellationToken.None);

        service.GetString("DisplayName").Should().Be("Orchestrator Management Service");
        service.GetString("State").Should().Be("Running");
        service.GetInt64("ProcessId").Should().Be(2764);
        service.GetString("PathName").Should().Be("\"C:\\Program Files\\Test\\omanagement.exe\"");
    }

    [Fact]
    public async Task EnumerateInstances_MoreServicesThanAPage_ReadsEveryPullPageAndLeavesNoContext()
    {
        _endpoint.Services = [.. Enumerable.Range(1, 23).Select(i => new TestWindowsService($"svc{i:00}", $"Service {i}", 1000 + i))];
        using var client = new WsManClient(_endpoint.Target() with { MaxElements = 5 });

        var services = await client.EnumerateInstancesAsync("Win32_Service", CancellationToken.None).ToListAsync();

        services.Select(s => s.GetString("Name")).Should().Equal(Enumerable.Range(1, 23).Select(i => $"svc{i:00}"));
        services.Should().OnlyContain(s => s.ClassName == "Win32_Service");
        _endpoint.Enumerations.Should().Be(1);
        _endpoint.Pulls.Should().Be(4, "5 come with the optimized Enumerate, then 5 + 5 + 5 + 3");
        _endpoint.OpenContexts.Should().Be(0);
        _endpoint.Releases.Should().Be(0, "a context pulled to its end needs no release");
    }

    [Fact]
    public async Task EnumerateInstances_CallerStopsEarly_ReleasesTheContext()
    {
        using var client = new WsManClient(_endpoint.Target() with { MaxElements = 2 });

        var firstThree = await client.EnumerateInstancesAsync("Win32_Service", CancellationToken.None).Take(3).ToListAsync();

        firstThree.Select(s => s.GetString("Name")).Should().Equal("WinRM", "omanagement", "oremoting");
        _endpoint.Releases.Should().Be(1);
        _endpoint.OpenContexts.Should().Be(0);
    }

    [Fact]
    public async Task Query_WqlEqualityFilter_ReturnsOnlyMatchingServices()
    {
        using var client = new WsManClient(_endpoint.Target());

        var one = await client.QueryAsync("SELECT * FROM Win32_Service WHERE Name='orunbook'", CancellationToken.None).ToListAsync();
        var two = await client.QueryAsync("SELECT * FROM Win32_Service WHERE Name = 'winrm' OR Name = 'OMSDK'", CancellationToken.None).ToListAsync();
        var none = await client.QueryAsync("SELECT * FROM Win32_Service WHERE Name='nope'", CancellationToken.None).ToListAsync();

        one.Should().ContainSingle().Which.GetString("DisplayName").Should().Be("Orchestrator Runbook Service");
        two.Select(s => s.GetString("Name")).Should().Equal("WinRM", "OMSDK");
        none.Should().BeEmpty();
    }

    [Fact]
    public async Task Query_StoppedService_ReportsItsStateAndFollowsChanges()
    {
        using var client = new WsManClient(_endpoint.Target());
        const string wql = "SELECT * FROM Win32_Service WHERE Name='oremoting'";

        var running = (await client.QueryAsync(wql, CancellationToken.None).SingleAsync()).GetString("State");
        _endpoint.Service("oremoting").Stop();
        var stopped = await client.QueryAsync(wql, CancellationToken.None).SingleAsync();
        var monitor = await client.GetInstanceAsync("Win32_Service", new Dictionary<string, string> { ["Name"] = "omonitor" }, CancellationToken.None);

        running.Should().Be("Running");
        stopped.GetString("State").Should().Be("Stopped");
        stopped.GetBoolean("Started").Should().BeFalse();
        stopped.GetInt64("ExitCode").Should().Be(1077);
        monitor.GetString("State").Should().Be("Stopped");
        monitor.GetInt64("ProcessId").Should().Be(0);
    }

    [Fact]
    public async Task Query_UnknownClass_IsAnInvalidQueryWithTheProviderMessage()
    {
        using var client = new WsManClient(_endpoint.Target());

        var failure = await Assert.ThrowsAsync<CimException>(() => client.QueryAsync("SELECT * FROM Win32_NoSuchService", CancellationToken.None).ToListAsync().AsTask());

        failure.Kind.Should().Be(CimErrorKind.InvalidQuery);
        failure.FaultCode.Should().Be(2150858778);
        failure.FaultSubcode.Should().Be("n:CannotProcessFilter");
        failure.HttpStatus.Should().Be(500);
        failure.Message.Should().Contain("127.0.0.1").And.Contain("The specified class does not exist in the given namespace.").And.Contain("0x8033801A");
    }

    [Fact]
    public async Task Query_NotWqlTheServerUnderstands_IsAnInvalidQuery()
    {
        using var client = new WsManClient(_endpoint.Target());

        var failure = await Assert.ThrowsAsync<CimException>(() => client.QueryAsync("SELECT * FROM Win32_Service WHERE Name LIKE 'o%'", CancellationToken.None).ToListAsync().AsTask());

        failure.Kind.Should().Be(CimErrorKind.InvalidQuery);
        failure.Message.Should().Contain("WQL query 'SELECT * FROM Win32_Service WHERE Name LIKE 'o%''").And.Contain("The query is not valid.");
    }

    [Fact]
    public async Task EnumerateInstances_UnknownClass_IsNotFound()
    {
        using var client = new WsManClient(_endpoint.Target());

        var failure = await Assert.ThrowsAsync<CimException>(() => client.EnumerateInstancesAsync("Win32_Nothing", CancellationToken.None).ToListAsync().AsTask());

        failure.Kind.Should().Be(CimErrorKind.NotFound);
        failure.FaultCode.Should().Be(2150858752);
        failure.Message.Should().Contain("Enumerate Win32_Nothing").And.Contain("cannot find the resource");
    }

    [Fact]
    public async Task GetInstance_MissingOrWrongKeys_AreInvalidSelectorsAndNotFound()
    {
        using var client = new WsManClient(_endpoint.Target());

        var noKey = await Assert.ThrowsAsync<CimException>(() => client.GetInstanceAsync("Win32_Service", new Dictionary<string, string>(), CancellationToken.None));
        var noSuch = await Assert.ThrowsAsync<CimException>(() => client.GetInstanceAsync("Win32_Service", new Dictionary<string, string> { ["Name"] = "nosuch" }, CancellationToken.None));

        noKey.Kind.Should().Be(CimErrorKind.InvalidSelectors);
        noKey.FaultSubcode.Should().Be("w:InvalidSelectors");
        noSuch.Kind.Should().Be(CimErrorKind.NotFound);
    }

    [Fact]
    public async Task WrongPassword_IsAnAuthenticationFailureNamingTheUserAndTheSchemes()
    {
        using var client = new WsManClient(_endpoint.Target(password: "wrong"));

        var failure = await GetOperatingSystemFailureAsync(client);

        failure.Kind.Should().Be(CimErrorKind.AuthenticationFailed);
        failure.HttpStatus.Should().Be(401);
        failure.Message.Should().Contain("refused the credentials of user 'CONTOSO\\svc-monitor'").And.Contain("HTTP 401").And.Contain("Negotiate, Basic");
        failure.Message.Should().NotContain("wrong", "the password never appears in a message");
    }

    [Fact]
    public async Task Negotiate_AgainstAServerThatCannotCompleteIt_IsAnAuthenticationFailureOrSaysWhyNot()
    {
        using var client = new WsManClient(_endpoint.Target() with { Authentication = WsManAuthentication.Negotiate });

        var failure = await GetOperatingSystemFailureAsync(client);

        failure.Kind.Should().BeOneOf(CimErrorKind.AuthenticationFailed, CimErrorKind.NotSupported);
        failure.Message.Should().Contain("Negotiate");
    }

    [Fact]
    public async Task AuthorisedButDenied_IsAccessDenied()
    {
        _endpoint.DeniedUser = ("CONTOSO\\guest", "guest-pass");
        using var client = new WsManClient(_endpoint.Target("CONTOSO\\guest", "guest-pass"));

        var failure = await Assert.ThrowsAsync<CimException>(() => client.EnumerateInstancesAsync("Win32_Service", CancellationToken.None).ToListAsync().AsTask());

        failure.Kind.Should().Be(CimErrorKind.AccessDenied);
        failure.FaultCode.Should().Be(5);
        failure.Message.Should().Contain("access denied").And.Contain("Access is denied.");
    }

    [Fact]
    public async Task SlowServer_HttpTimeout_IsATimeout()
    {
        _endpoint.Delay = TimeSpan.FromSeconds(5);
        using var client = new WsManClient(_endpoint.Target() with { HttpTimeout = TimeSpan.FromMilliseconds(300) });

        var started = DateTime.UtcNow;
        var failure = await GetOperatingSystemFailureAsync(client);

        failure.Kind.Should().Be(CimErrorKind.Timeout);
        failure.Message.Should().Contain("did not answer within the HTTP timeout of 0.3 s");
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task SlowServer_OperationTimeout_IsTheServersTimedOutFault()
    {
        _endpoint.Delay = TimeSpan.FromSeconds(5);
        using var client = new WsManClient(_endpoint.Target() with { OperationTimeout = TimeSpan.FromMilliseconds(200) });

        var failure = await GetOperatingSystemFailureAsync(client);

        failure.Kind.Should().Be(CimErrorKind.Timeout);
        failure.FaultSubcode.Should().Be("w:TimedOut");
        failure.Message.Should().Contain("OperationTimeout");
    }

    [Theory]
    [InlineData(AnswerDamage.Truncated, "answered HTTP 200 with XML that cannot be read: Unexpected end of file")]
    [InlineData(AnswerDamage.DocumentTypeDeclaration, "answered HTTP 200 with XML that cannot be read: For security reasons DTD is prohibited")]
    public async Task BrokenAnswer_IsAProtocolErrorWithTheXmlProblem(AnswerDamage damage, string expected)
    {
        _endpoint.Damage = damage;
        using var client = new WsManClient(_endpoint.Target());

        var failure = await GetOperatingSystemFailureAsync(client);

        failure.Kind.Should().Be(CimErrorKind.ProtocolError);
        failure.Message.Should().Contain(expected);
        failure.InnerException.Should().BeOfType<System.Xml.XmlException>();
    }

    [Fact]
    public async Task Https_SelfSignedListener_WorksWhenAskedAndIsRefusedOtherwise()
    {
        using var certificate = Http.TestCertificates.SelfSigned("CN=SCO-TEST01", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), "127.0.0.1");
        await using var https = await WsManTestEndpoint.StartAsync(certificate: certificate);
        using var trusting = new WsManClient(https.Target() with { SkipCertificateCheck = true });
        using var checking = new WsManClient(https.Target());

        var os = await trusting.GetInstanceAsync("Win32_OperatingSystem", new Dictionary<string, string>(), CancellationToken.None);
        var failure = await GetOperatingSystemFailureAsync(checking);

        trusting.Target.Url.Scheme.Should().Be("https");
        os.GetString("CSName").Should().Be("SCO-TEST01");
        failure.Kind.Should().Be(CimErrorKind.Unreachable);
        failure.Message.Should().Contain("SSL");
    }

    [Fact]
    public async Task NothingListening_IsUnreachable()
    {
        var port = _endpoint.Port;
        await _endpoint.DisposeAsync();
        _endpoint = await WsManTestEndpoint.StartAsync();
        using var client = new WsManClient(new WsManTarget("127.0.0.1", "u", "p") { Port = port });

        var failure = await GetOperatingSystemFailureAsync(client);

        failure.Kind.Should().Be(CimErrorKind.Unreachable);
        failure.Message.Should().Contain($"127.0.0.1:{port}");
    }

    private static Task<CimException> GetOperatingSystemFailureAsync(WsManClient client) =>
        Assert.ThrowsAsync<CimException>(() => client.GetInstanceAsync("Win32_OperatingSystem", new Dictionary<string, string>(), CancellationToken.None));
}
