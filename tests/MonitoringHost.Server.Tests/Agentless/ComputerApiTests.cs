using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared.WsMan;

namespace MonitoringHost.Server.Tests.Agentless;

/// <summary>
/// Agentless-managed computers through the API: adding one with its protocol, endpoint and Run As account, the
/// availability monitor the shipped pack gives it (one alert with a clear status when it cannot be reached), the
/// reachability backoff, bad input, and removal.
/// </summary>
public sealed class ComputerApiTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private MonitoringHostClient _admin = null!;
    private string _adminKey = null!;
    private WsManTestEndpoint _windows = null!;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _adminKey = await _api.KeyAsync("admin", ApiRole.Administrator);
        _admin = _api.ClientFor(_adminKey);
        _windows = await WsManTestEndpoint.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _windows.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task WindowsComputer_OverWsMan_IsAvailable_WithItsAccount()
    {
        var account = await WindowsAccountAsync("CONTOSO monitoring", WsManTestEndpoint.DefaultPassword);

        var added = await _admin.AddComputerAsync(new ManagedComputerDefinition("sco-test01.contoso.com", "wsman", "127.0.0.1", _windows.Port, RunAsAccount: account.Name));

        (added.Class, added.Address, added.Port, added.RunAsAccountId, added.Profile).Should().Be(
            ("Microsoft.Windows.Computer", "127.0.0.1", _windows.Port, account.Id, "Microsoft.SystemCenter.WSManagement.Library!Microsoft.SystemCenter.WSManagement.WSManActionAccount"));
        var state = await WaitForStateAsync(added.ObjectId, "MonitoringHost.Agentless.Windows.Availability", "Success");
        state.Should().Be("Success");
        var listed = await _admin.GetComputerAsync("SCO-TEST01.contoso.com");
        (listed.Reachability!.Reachable, listed.Reachability.Status, listed.Reachability.ConsecutiveFailures, listed.Reachability.RetryAfter).Should().Be((true, "OK", 0, null));
        listed.Reachability.LastSuccess.Should().NotBeNull();

        // The object carries the names packs reach it by; the assignment is the object's own.
        var (_, body, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{added.ObjectId}", _adminKey);
        response.Dispose();
        body.GetProperty("properties").GetProperty("PrincipalName").GetString().Should().Be("sco-test01.contoso.com");
        body.GetProperty("properties").GetProperty("IPAddress").GetString().Should().Be("127.0.0.1");
        (await _admin.ListRunAsAssignmentsAsync()).Should().ContainSingle(a => a.Scope == "object" && a.Target == added.ObjectId.ToString() && a.AccountId == account.Id);
        (await _admin.ListComputersAsync()).Select(c => c.Name).Should().Equal("sco-test01.contoso.com");
    }

    [Fact]
    public async Task WrongPassword_TurnsTheComputerUnavailable_WithOneAlertSayingWhy_AndTheRightAccountMendsIt()
    {
        var wrong = await WindowsAccountAsync("wrong", "not-the-password");
        var added = await _admin.AddComputerAsync(new ManagedComputerDefinition("sco-test02", "wsman", "127.0.0.1", _windows.Port, RunAsAccount: wrong.Name));

        await WaitForStateAsync(added.ObjectId, "MonitoringHost.Agentless.Windows.Availability", "Error");
        var alert = await WaitForOpenAlertAsync(added.ObjectId);
        alert.GetProperty("name").GetString().Should().Be("Windows computer cannot be reached over WS-Man (WinRM)");
        alert.GetProperty("description").GetString().Should().StartWith($"sco-test02 (127.0.0.1:{_windows.Port}) cannot be reached over WS-Man (WinRM): AuthenticationFailed: ");
        var computer = await _admin.GetComputerAsync("sco-test02");
        // It answered, so it is not backed off: the account is the problem.
        (computer.Reachability!.Reachable, computer.Reachability.Status, computer.Reachability.RetryAfter).Should().Be((true, "AuthenticationFailed", null));

        // Adding it again with the right account makes its instances anew: it is checked at once and the alert resolves.
        var right = await WindowsAccountAsync("right", WsManTestEndpoint.DefaultPassword);
        await _admin.AddComputerAsync(new ManagedComputerDefinition("sco-test02", "wsman", "127.0.0.1", _windows.Port, RunAsAccount: right.Name));
        await WaitForStateAsync(added.ObjectId, "MonitoringHost.Agentless.Windows.Availability", "Success");
        (await OpenAlertsAsync(added.ObjectId)).Should().BeEmpty();
    }

    [Fact]
    public async Task RefusedSshPort_IsUnavailable_AndBacksOff()
    {
        var port = ClosedTcpPort();
        var account = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("unix", "Basic", new Dictionary<string, string> { ["UserName"] = "monitor", ["Password"] = "pw-unused" }));

        var added = await _admin.AddComputerAsync(new ManagedComputerDefinition("web01.example.test", "ssh", "127.0.0.1", port, RunAsAccount: account.Id.ToString()));

        added.Class.Should().Be("Microsoft.Unix.Computer");
        await WaitForStateAsync(added.ObjectId, "MonitoringHost.Agentless.Unix.Availability", "Error");
        var computer = await _admin.GetComputerAsync("web01.example.test");
        (computer.Reachability!.Reachable, computer.Reachability.Status, computer.Reachability.ConsecutiveFailures).Should().Be((false, "ConnectionRefused", 1));
        computer.Reachability.RetryAfter.Should().BeAfter(computer.Reachability.LastFailure!.Value);
        (await WaitForOpenAlertAsync(added.ObjectId)).GetProperty("description").GetString().Should().Contain("ConnectionRefused");
    }

    [Fact]
    public async Task SilentSnmpAgent_IsUnavailable_WithTheWrongCommunityNamedAsACause()
    {
        // A UDP port that takes requests and never answers: what a v2c agent does with a wrong community.
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)silent.Client.LocalEndPoint!).Port;
        var account = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("switches", "SnmpCommunity", new Dictionary<string, string> { ["CommunityString"] = "n0t-public" }));

        var added = await _admin.AddComputerAsync(new ManagedComputerDefinition("switch-01", "snmp", "127.0.0.1", port, RunAsAccount: "switches"));

        added.Class.Should().Be("System.NetworkManagement.Node");
        await WaitForStateAsync(added.ObjectId, "MonitoringHost.Agentless.Node.Availability", "Error");
        var computer = await _admin.GetComputerAsync("switch-01");
        (computer.Reachability!.Reachable, computer.Reachability.Status).Should().Be((false, "Timeout"));
        computer.Reachability.Message.Should().Contain("community");
        var (_, body, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{added.ObjectId}", _adminKey);
        response.Dispose();
        body.GetProperty("properties").GetProperty("SNMPAddress").GetString().Should().Be("127.0.0.1");
        body.GetProperty("properties").GetProperty("PortNumber").GetString().Should().Be(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        body.ToString().Should().NotContain("n0t-public");
    }

    [SkippableFact]
    public async Task UnixComputer_OverTheRealSshd_WithAKeyAccount_IsAvailable_OnceItsHostKeyIsTrusted()
    {
        var ssh = SshTestServer.Require();
        var key = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("unix key", "SshKey",
            new Dictionary<string, string> { ["UserName"] = ssh.UserName, ["PrivateKey"] = await File.ReadAllTextAsync(ssh.Ed25519KeyPath) }));

        // Not trusted: the unknown host key is refused, and says so.
        var strict = await _admin.AddComputerAsync(new ManagedComputerDefinition("db01.example.test", "ssh", ssh.Host, ssh.Port, RunAsAccount: key.Name));
        await WaitForStateAsync(strict.ObjectId, "MonitoringHost.Agentless.Unix.Availability", "Error");
        var refused = await _admin.GetComputerAsync("db01.example.test");
        (refused.Reachability!.Status, refused.Reachability.Reachable).Should().Be(("UnknownHostKey", true));
        (await WaitForOpenAlertAsync(strict.ObjectId)).GetProperty("description").GetString().Should().Contain("UnknownHostKey");

        // Added again with trust on first use: the key is pinned, the computer answers and the alert resolves.
        await _admin.AddComputerAsync(new ManagedComputerDefinition("db01.example.test", "ssh", ssh.Host, ssh.Port, TrustOnFirstUse: true, RunAsAccount: key.Name));
        await WaitForStateAsync(strict.ObjectId, "MonitoringHost.Agentless.Unix.Availability", "Success");
        (await _admin.GetComputerAsync("db01.example.test")).Reachability!.Status.Should().Be("OK");
        (await OpenAlertsAsync(strict.ObjectId)).Should().BeEmpty();
        (await File.ReadAllTextAsync(Path.Combine(_api.Folder, ManagementServer.KnownHostsFileName))).Should().Contain($"{ssh.Endpoint} {ssh.HostKey().Algorithm} {ssh.HostKey().Fingerprint}");
    }

    [SkippableFact]
    public async Task NetworkDevice_OverTheRealSnmpd_IsAvailable_WithTheRightCommunity()
    {
        var agent = SnmpTestAgent.Require();
        await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("public", "SnmpCommunity", new Dictionary<string, string> { ["CommunityString"] = agent.Community }));

        var added = await _admin.AddComputerAsync(new ManagedComputerDefinition("lab-switch", "snmp", agent.Endpoint.Address.ToString(), agent.Endpoint.Port, RunAsAccount: "public"));

        await WaitForStateAsync(added.ObjectId, "MonitoringHost.Agentless.Node.Availability", "Success");
        (await _admin.GetComputerAsync("lab-switch")).Reachability!.Status.Should().Be("OK");
    }

    [Fact]
    public async Task BadRequests_NameEveryProblem_AndChangeNothing()
    {
        var snmp = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("community", "SnmpCommunity", new Dictionary<string, string> { ["CommunityString"] = "x-community" }));
        var (status, problem, response) = await _api.SendAsync(HttpMethod.Post, "/api/v1/computers", _adminKey,
            $$"""{ "name": "bad name", "protocol": "ssh", "port": 70000, "https": true, "runAsAccount": "{{snmp.Id}}", "class": "Microsoft.Windows.Computer" }""");
        response.Dispose();

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().BeEquivalentTo("name", "port", "https", "class", "runAsAccount");
        var (unknown, unknownProblem, unknownResponse) = await _api.SendAsync(HttpMethod.Post, "/api/v1/computers", _adminKey, """{ "name": "x", "protocol": "telnet" }""");
        unknownResponse.Dispose();
        (unknown, unknownProblem.GetProperty("errors")[0].GetProperty("path").GetString()).Should().Be((HttpStatusCode.BadRequest, "protocol"));

        // Naming an account assigns it: Administrators only.
        var author = await _api.KeyAsync("author", ApiRole.Author);
        var (forbidden, _, forbiddenResponse) = await _api.SendAsync(HttpMethod.Post, "/api/v1/computers", author, """{ "name": "x", "protocol": "snmp", "runAsAccount": "community" }""");
        forbiddenResponse.Dispose();
        forbidden.Should().Be(HttpStatusCode.Forbidden);
        var reader = await _api.KeyAsync("reader", ApiRole.ReadOnlyOperator);
        var (readerAdd, _, readerResponse) = await _api.SendAsync(HttpMethod.Post, "/api/v1/computers", reader, """{ "name": "x", "protocol": "snmp" }""");
        readerResponse.Dispose();
        readerAdd.Should().Be(HttpStatusCode.Forbidden);

        (await _admin.ListComputersAsync()).Should().BeEmpty();
        var missing = await FluentActions.Awaiting(() => _admin.GetComputerAsync("nobody")).Should().ThrowAsync<MonitoringHostApiException>();
        missing.Which.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Remove_TakesTheObjectAndItsAssignmentsAway()
    {
        var account = await WindowsAccountAsync("to remove", WsManTestEndpoint.DefaultPassword);
        var author = _api.ClientFor(await _api.KeyAsync("author", ApiRole.Author));
        var added = await author.AddComputerAsync(new ManagedComputerDefinition("gone01", "wsman", "127.0.0.1", _windows.Port, Class: "Microsoft.Windows.Server.Computer"));
        await _admin.AddComputerAsync(new ManagedComputerDefinition("gone01", "wsman", "127.0.0.1", _windows.Port, RunAsAccount: account.Name, Class: "Microsoft.Windows.Server.Computer"));
        added.Class.Should().Be("Microsoft.Windows.Server.Computer");

        await author.RemoveComputerAsync("GONE01");

        (await _admin.ListComputersAsync()).Should().BeEmpty();
        (await _admin.ListRunAsAssignmentsAsync()).Should().BeEmpty();
        var (status, _, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{added.ObjectId}", _adminKey);
        response.Dispose();
        status.Should().Be(HttpStatusCode.NotFound);
        (await _admin.ListRunAsAccountsAsync()).Should().ContainSingle(a => a.Id == account.Id, "the account itself stays");
        author.Dispose();
    }

    private Task<RunAsAccountInfo> WindowsAccountAsync(string name, string password) =>
        _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition(name, "Windows", new Dictionary<string, string> { ["UserName"] = "svc-monitor", ["Password"] = password, ["Domain"] = "CONTOSO" }));

    private static int ClosedTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task<string> WaitForStateAsync(Guid objectId, string monitor, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var (_, tree, response) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{objectId}/health", _adminKey);
            response.Dispose();
            var state = Find(tree, monitor);
            if (state == expected)
            {
                return state;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"{monitor} should have become {expected}; the tree reads {tree}");
            await Task.Delay(200);
        }
    }

    private static string? Find(JsonElement node, string monitor) =>
        node.GetProperty("monitorId").GetString() == monitor
            ? node.GetProperty("healthStateName").GetString()
            : node.GetProperty("children").EnumerateArray().Select(c => Find(c, monitor)).FirstOrDefault(s => s is not null);

    private async Task<List<JsonElement>> OpenAlertsAsync(Guid objectId)
    {
        var (_, body, response) = await _api.SendAsync(HttpMethod.Get, "/api/v1/alerts?criteria=" + Uri.EscapeDataString("ResolutionState <> 255"), _adminKey);
        response.Dispose();
        return [.. body.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("monitoringObjectId").GetGuid() == objectId)];
    }

    private async Task<JsonElement> WaitForOpenAlertAsync(Guid objectId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (await OpenAlertsAsync(objectId) is [var only])
            {
                return only;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the computer should have one open alert");
            await Task.Delay(200);
        }
    }
}
