using System.Net;
using System.Text;
using System.Text.Json;
using MonitoringHost.Probes.Ssh;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>
/// UNIX computers over SSH end to end, against the real sshd <c>test.sh</c> starts (<c>MH_TEST_SSH</c>): a
/// <c>Microsoft.Unix.Computer</c> created through the API, a Run As account assigned through the API, the test pack's
/// shell-command discoveries and monitors (<c>Packs/Test.Unix.xml</c>), and what goes wrong each with its own state
/// and message.
/// </summary>
public sealed class UnixShellCommandTests : IAsyncDisposable
{
    private const string Profile = "Microsoft.Unix.Library!Microsoft.Unix.ActionAccount";
    private const string BrokenFileMonitor = "Test.Unix.BrokenFile.Monitor";
    private const string SlowMonitor = "Test.Unix.Slow.Monitor";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    private readonly List<LoopbackServer> _servers = [];
    private readonly List<string> _files = [];

    [SkippableFact]
    public async Task A_key_account_discovers_the_computer_and_its_monitor_raises_and_resolves_an_alert()
    {
        var ssh = SshTestServer.Require();
        var api = await StartAsync(Pin(ssh));
        using var admin = api.ClientFor(await api.KeyAsync($"admin-{Guid.NewGuid():N}", ApiRole.Administrator));
        var account = await admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("unix key", "SshKey",
            new Dictionary<string, string> { ["UserName"] = ssh.UserName, ["PrivateKey"] = await File.ReadAllTextAsync(ssh.Ed25519KeyPath) }));
        await admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "class", "System.Entity", account.Id));
        var computer = await AddComputerAsync(api, ssh.Endpoint);

        // Discovered from the shell command's key=value lines, and the fragment library's way (StdOut as it is).
        var os = await EventuallyAsync(() => ObjectAsync(api, "Test.Unix.OperatingSystem"), o => o is not null, "the operating system is discovered");
        os!.Value.GetProperty("hostId").GetGuid().Should().Be(computer);
        var properties = os.Value.GetProperty("properties");
        properties.GetProperty("Kernel").GetString().Should().Be("Linux");
        properties.GetProperty("HostName").GetString().Should().Be((await File.ReadAllTextAsync("/proc/sys/kernel/hostname")).Trim());
        var shell = await EventuallyAsync(() => ObjectAsync(api, "Test.Unix.LoginShell"), o => o is not null, "the login shell is discovered");
        shell!.Value.GetProperty("properties").GetProperty("Shell").GetString().Should().Be("/bin/sh");
        var osId = os.Value.GetProperty("id").GetGuid();

        // The shell-command monitor: healthy, then Error with one alert while the file exists, then healthy and resolved.
        await EventuallyAsync(() => MonitorStateAsync(api, osId, BrokenFileMonitor), s => s == "Success", "the file is not there");
        var broken = Path.Combine(HomeOf(ssh.UserName), "mh-broken");
        _files.Add(broken);
        await File.WriteAllTextAsync(broken, "x");
        await EventuallyAsync(() => MonitorStateAsync(api, osId, BrokenFileMonitor), s => s == "Error", "the file is there");
        var raised = await EventuallyAsync(() => AlertsAsync(api, BrokenFileMonitor), a => a.Count == 1, "one alert is raised");
        raised[0].GetProperty("name").GetString().Should().Be("Broken file found");
        raised[0].GetProperty("description").GetString().Should().Be($"~/mh-broken exists on {ssh.Endpoint}");
        raised[0].GetProperty("resolutionState").GetInt32().Should().Be(0);
        await Task.Delay(TimeSpan.FromSeconds(4));
        (await AlertsAsync(api, BrokenFileMonitor)).Should().ContainSingle("later detections of the same state raise nothing new");

        File.Delete(broken);
        await EventuallyAsync(() => MonitorStateAsync(api, osId, BrokenFileMonitor), s => s == "Success", "the file is gone");
        var resolved = await EventuallyAsync(() => AlertsAsync(api, BrokenFileMonitor), a => a.Count == 1 && a[0].GetProperty("resolutionState").GetInt32() == 255, "the alert is resolved");
        resolved[0].GetProperty("resolvedBy").GetString().Should().Be("System");

        // The three-state monitor type: its warning expression matches the command's output.
        await EventuallyAsync(() => MonitorStateAsync(api, osId, "Test.Unix.Users.Monitor"), s => s == "Warning", "the three-state monitor warns");

        // A command past its timeout: SCX's answer (ReturnCode -1, the reason in StdErr) turns its monitor Error.
        await EventuallyAsync(() => MonitorStateAsync(api, osId, SlowMonitor), s => s == "Error", "the slow command times out");
        var slow = await EventuallyAsync(() => AlertsAsync(api, SlowMonitor), a => a.Count == 1, "the slow command raises an alert");
        slow[0].GetProperty("description").GetString().Should().Be(
            $"The command ended with -1: ExecuteShellCommand on {ssh.Endpoint} as {ssh.UserName}: the command did not end within its timeout of 1 s and was stopped");

        (await LastErrorsAsync(api, computer)).Should().AllSatisfy(e => e.Should().BeNull());
        (await LastErrorsAsync(api, osId)).Should().AllSatisfy(e => e.Should().BeNull());
    }

    [SkippableFact]
    public async Task A_password_account_works_and_host_keys_are_pinned_not_guessed()
    {
        var ssh = SshTestServer.Require();

        // Nothing pinned and no trust on first use: refused, with the key offered; no state, no alert.
        var api = await StartAsync(knownHosts: null);
        var osId = await StartWithPasswordAsync(api, ssh, ssh.Password);
        var unknown = await EventuallyAsync(() => LastErrorsAsync(api, osId.Computer), e => e.All(x => x is not null), "both discoveries fail");
        unknown.Should().AllSatisfy(e => e.Should().StartWith($"ShellCommandFailedException: ExecuteShellCommand on {ssh.Endpoint} as {ssh.UserName}")
            .And.Contain("UnknownHostKey").And.Contain(ssh.HostKey().Fingerprint));
        (await api.Server.Agentless.KnownHosts.FindAsync(ssh.Endpoint, CancellationToken.None)).Should().BeNull();
        (await ObjectAsync(api, "Test.Unix.OperatingSystem")).Should().BeNull();
        await api.StopAsync();

        // The key pinned (ssh_known_hosts in the data folder): the password account runs everything.
        await File.WriteAllTextAsync(Path.Combine(api.Folder, ManagementServer.KnownHostsFileName), Pin(ssh));
        await api.StartAgainAsync();
        var os = await EventuallyAsync(() => ObjectAsync(api, "Test.Unix.OperatingSystem"), o => o is not null, "the operating system is discovered");
        var os1 = os!.Value.GetProperty("id").GetGuid();
        await EventuallyAsync(() => MonitorStateAsync(api, os1, BrokenFileMonitor), s => s == "Success", "the monitor runs with the password");
        await api.StopAsync();

        // Another key pinned: the changed key is refused; the monitor keeps its state and raises nothing.
        await File.WriteAllTextAsync(Path.Combine(api.Folder, ManagementServer.KnownHostsFileName), $"{ssh.Endpoint} ssh-ed25519 SHA256:{Convert.ToBase64String(new byte[32]).TrimEnd('=')}\n");
        await api.StartAgainAsync();
        var changed = await EventuallyAsync(() => LastErrorsAsync(api, os1), e => e.Any(x => x is not null), "the monitor fails");
        changed.Where(e => e is not null).Should().AllSatisfy(e => e.Should().Contain("HostKeyChanged").And.Contain($"the host key of {ssh.Endpoint} changed"));
        (await MonitorStateAsync(api, os1, BrokenFileMonitor)).Should().Be("Success");
        (await AlertsAsync(api, BrokenFileMonitor)).Should().BeEmpty();
        var state = api.Server.Agentless.Reachability.State(AgentlessProtocols.Ssh, ssh.Endpoint)!;
        (state.Status, state.Reachable).Should().Be(("HostKeyChanged", true));
    }

    [SkippableFact]
    public async Task A_wrong_password_and_a_refused_port_each_say_so_without_an_alert_storm()
    {
        var ssh = SshTestServer.Require();
        var api = await StartAsync(Pin(ssh));
        var (_, computer) = await StartWithPasswordAsync(api, ssh, "not-" + ssh.Password);

        var wrong = await EventuallyAsync(() => LastErrorsAsync(api, computer), e => e.All(x => x is not null), "both discoveries fail");
        wrong.Should().AllSatisfy(e => e.Should().Contain($"as {ssh.UserName} ({Profile} → Run As account unix password (Basic) by class assignment System.Entity)")
            .And.Contain($"AuthenticationFailed: authentication failed for user {ssh.UserName} on {ssh.Endpoint}").And.NotContain(ssh.Password));
        var auth = api.Server.Agentless.Reachability.State(AgentlessProtocols.Ssh, ssh.Endpoint)!;
        (auth.Status, auth.Reachable, auth.RetryAfter).Should().Be(("AuthenticationFailed", true, (DateTimeOffset?)null));

        // A computer whose port is closed (its operating system added through the API, so that its monitors run every
        // 2 s): one attempt, then the computer backs off and the runs end without trying, raising nothing.
        var closed = $"127.0.0.1:{SshTestServer.ClosedPort()}";
        await AddComputerAsync(api, closed, withOperatingSystem: true);
        var os = api.Server.Space.OfClass("Test.Unix.OperatingSystem").Single(o => o.Path.Contains(closed, StringComparison.Ordinal)).Id;
        await EventuallyAsync(() => Task.FromResult(api.Server.Agentless.Reachability.State(AgentlessProtocols.Ssh, closed)), s => s is not null, "the closed port is tried");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var first = api.Server.Agentless.Reachability.State(AgentlessProtocols.Ssh, closed)!;
        (first.Status, first.Reachable).Should().Be(("ConnectionRefused", false));
        first.Message.Should().Contain($"ExecuteShellCommand on {closed}").And.Contain("ConnectionRefused");
        await Task.Delay(TimeSpan.FromSeconds(6));
        api.Server.Agentless.Reachability.State(AgentlessProtocols.Ssh, closed)!.ConsecutiveFailures.Should().Be(first.ConsecutiveFailures, "no run tries the computer during its backoff");
        (await LastErrorsAsync(api, os)).Should().AllSatisfy(e => e.Should().StartWith($"RemoteHostUnavailableException: ssh to {closed} not tried until"));
        (await MonitorStateAsync(api, os, BrokenFileMonitor)).Should().Be("Uninitialized");
        (await MonitorStateAsync(api, os, SlowMonitor)).Should().Be("Uninitialized");

        // The management server's own "many workflow runs fail" warning may fire (every run here fails): it is about the server, not the computer.
        (await AlertsAsync(api, null)).Where(a => a.GetProperty("monitoringClassId").GetString() != "Microsoft.SystemCenter.ManagementServer")
            .Should().BeEmpty("a computer that cannot be reached or logged in to gets no alert from its workflows");
        (await ObjectAsync(api, "Test.Unix.LoginShell")).Should().BeNull();
    }

    [Fact]
    public async Task Without_an_account_the_workflows_do_not_load_and_say_why()
    {
        var api = await StartAsync(knownHosts: null);
        var computer = await AddComputerAsync(api, "unix01.contoso.test");

        var (status, page, response) = await api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{computer}/workflows", await ReaderAsync(api));
        response.Dispose();

        status.Should().Be(HttpStatusCode.OK);
        var discoveries = page.GetProperty("items").EnumerateArray().Where(w => w.GetProperty("workflowId").GetString()!.StartsWith("Test.Unix!", StringComparison.Ordinal)).ToList();
        discoveries.Select(w => w.GetProperty("workflowId").GetString()).Should().BeEquivalentTo(["Test.Unix!Test.Unix.OperatingSystem.Discovery", "Test.Unix!Test.Unix.LoginShell.Discovery"]);
        discoveries.Should().AllSatisfy(w =>
        {
            w.GetProperty("runs").GetBoolean().Should().BeFalse();
            w.GetProperty("runCount").GetInt32().Should().Be(0);
            w.GetProperty("reason").GetString().Should().Contain("does not run for").And.Contain(Profile);
        });
        var (missing, _, missingResponse) = await api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{Guid.NewGuid()}/workflows", await ReaderAsync(api));
        missingResponse.Dispose();
        missing.Should().Be(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task After_a_run_the_database_and_the_log_hold_no_secret()
    {
        var ssh = SshTestServer.Require();
        using var log = new CollectingLog();
        var api = new LoopbackServer { Packs = [PackPath], Logging = log };
        _servers.Add(api);
        Directory.CreateDirectory(api.Folder);
        await File.WriteAllTextAsync(Path.Combine(api.Folder, ManagementServer.KnownHostsFileName), Pin(ssh));
        await api.StartAgainAsync();
        var key = await File.ReadAllTextAsync(ssh.Ed25519KeyPath);
        using (var admin = api.ClientFor(await api.KeyAsync($"admin-{Guid.NewGuid():N}", ApiRole.Administrator)))
        {
            var account = await admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("unix", "Basic",
                new Dictionary<string, string> { ["UserName"] = ssh.UserName, ["Password"] = ssh.Password }));
            var keyAccount = await admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("unix key", "SshKey",
                new Dictionary<string, string> { ["UserName"] = ssh.UserName, ["PrivateKey"] = key }));
            await admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "class", "System.Entity", account.Id));
            await admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "class", "Test.Unix.OperatingSystem", keyAccount.Id));
        }

        await AddComputerAsync(api, ssh.Endpoint);
        var os = await EventuallyAsync(() => ObjectAsync(api, "Test.Unix.OperatingSystem"), o => o is not null, "the operating system is discovered with the password");
        await EventuallyAsync(() => MonitorStateAsync(api, os!.Value.GetProperty("id").GetGuid(), BrokenFileMonitor), s => s == "Success", "the monitor runs with the key");
        await api.StopAsync();
        _servers.Remove(api);

        var keyBody = key.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
        keyBody.Should().NotBeEmpty();
        foreach (var file in Directory.GetFiles(api.Folder))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in keyBody.Append(ssh.Password))
            {
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)).Should().Be(-1, $"{file} holds no secret in UTF-8");
                bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)).Should().Be(-1, $"{file} holds no secret in UTF-16");
            }
        }

        log.Entries.Should().NotContain(e => keyBody.Append(ssh.Password).Any(s => e.Message.Contains(s, StringComparison.Ordinal)
            || (e.Exception != null && e.Exception.ToString().Contains(s, StringComparison.Ordinal))));
        Directory.Delete(api.Folder, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private static string PackPath => Path.Combine(RepositoryPaths.Root, "tests", "MonitoringHost.Server.Tests", "Packs", "Test.Unix.xml");

    private static string Pin(SshTestServer ssh) => $"{ssh.Endpoint} {ssh.HostKey().Algorithm} {ssh.HostKey().Fingerprint}\n";

    private static string HomeOf(string user) =>
        File.ReadAllLines("/etc/passwd").Select(l => l.Split(':')).Single(f => f[0] == user)[5];


    /// <summary>
    /// The last error of each workflow that runs for the object (null for one whose last run went well), as
    /// <c>GET /objects/{id}/workflows</c> answers.
    /// </summary>
    private static async Task<List<string?>> LastErrorsAsync(LoopbackServer api, Guid objectId)
    {
        var (status, page, response) = await api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{objectId}/workflows", await ReaderAsync(api));
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK);
        var running = page.GetProperty("items").EnumerateArray().Where(w => w.GetProperty("runs").GetBoolean()).ToList();
        running.Should().NotBeEmpty();
        return [.. running.Select(w => w.GetProperty("lastError").GetString())];
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"waited {Patience.TotalSeconds:0} s for this: {what}; last seen: {Describe(value)}");
            }

            await Task.Delay(200);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        IEnumerable<string?> texts => string.Join(" | ", texts.Select(t => t ?? "null")),
        IEnumerable<JsonElement> items => string.Join(" | ", items.Select(i => i.ToString())),
        _ => value?.ToString() ?? "null",
    };

    private async Task<LoopbackServer> StartAsync(string? knownHosts)
    {
        var api = new LoopbackServer { Packs = [PackPath], KeepPort = true };
        _servers.Add(api);
        Directory.CreateDirectory(api.Folder);
        if (knownHosts is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(api.Folder, ManagementServer.KnownHostsFileName), knownHosts);
        }

        await api.StartAgainAsync();
        return api;
    }

    /// <summary>A Basic account with <paramref name="password"/> for the UNIX action account, and the computer; the computer's id.</summary>
    private static async Task<(Guid Account, Guid Computer)> StartWithPasswordAsync(LoopbackServer api, SshTestServer ssh, string password)
    {
        using var admin = api.ClientFor(await api.KeyAsync($"admin-{Guid.NewGuid():N}", ApiRole.Administrator));
        var account = await admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("unix password", "Basic",
            new Dictionary<string, string> { ["UserName"] = ssh.UserName, ["Password"] = password }));
        await admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "class", "System.Entity", account.Id));
        return (account.Id, await AddComputerAsync(api, ssh.Endpoint));
    }

    /// <summary>Creates a <c>Microsoft.Unix.Computer</c> named <paramref name="name"/> (<c>host:port</c>) through the API.</summary>
    private static async Task<Guid> AddComputerAsync(LoopbackServer api, string name, bool withOperatingSystem = false)
    {
        var computer = $$"""{ "class": "Microsoft.Unix.Computer", "properties": { "PrincipalName": "{{name}}", "NetworkName": "{{name}}", "IPAddress": "127.0.0.1" } }""";
        var os = withOperatingSystem ? $$""", { "class": "Test.Unix.OperatingSystem", "properties": { "Kernel": "Linux" }, "host": {{computer}} }""" : "";
        var json = $$"""{ "mode": "incremental", "source": { "kind": "sdk", "id": "tests" }, "objects": [ {{computer}}{{os}} ] }""";
        var (status, body, response) = await api.SendAsync(HttpMethod.Post, "/api/v1/discovery-data", await api.KeyAsync($"sdk-{Guid.NewGuid():N}", ApiRole.Operator), json);
        response.Dispose();
        status.Should().Be(HttpStatusCode.OK, body.ToString());
        return api.Server.Space.WithProperty("Microsoft.Unix.Computer", "PrincipalName", name).Single().Id;
    }

    private static async Task<JsonElement?> ObjectAsync(LoopbackServer api, string className)
    {
        var (_, page, response) = await api.SendAsync(HttpMethod.Get, $"/api/v1/objects?class={className}", await ReaderAsync(api));
        response.Dispose();
        return page.GetProperty("items").EnumerateArray().Select(o => (JsonElement?)o).SingleOrDefault();
    }

    private static async Task<string?> MonitorStateAsync(LoopbackServer api, Guid objectId, string monitorId)
    {
        var (_, tree, response) = await api.SendAsync(HttpMethod.Get, $"/api/v1/objects/{objectId}/health", await ReaderAsync(api));
        response.Dispose();
        return Find(tree)?.GetProperty("healthStateName").GetString();

        JsonElement? Find(JsonElement node) =>
            node.GetProperty("monitorId").GetString() == monitorId
                ? node
                : node.TryGetProperty("children", out var children) ? children.EnumerateArray().Select(Find).FirstOrDefault(n => n is not null) : null;
    }

    private static async Task<List<JsonElement>> AlertsAsync(LoopbackServer api, string? monitorId)
    {
        var query = monitorId is null ? "" : "?criteria=" + Uri.EscapeDataString($"ruleOrMonitorId = '{monitorId}'");
        var (_, page, response) = await api.SendAsync(HttpMethod.Get, "/api/v1/alerts" + query, await ReaderAsync(api));
        response.Dispose();
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task<string> ReaderAsync(LoopbackServer api) => await api.KeyAsync($"reader-{Guid.NewGuid():N}", ApiRole.ReadOnlyOperator);
}
