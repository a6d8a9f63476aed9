using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server.Tests;

/// <summary>Run As accounts and profile assignments through the API: write-only secrets, resolution, bad input.</summary>
public sealed class RunAsApiTests : IAsyncLifetime
{
    private const string Password = "Pässwörd-東京-S3cret!";
    private const string Community = "c0mmunity-n0t-public";
    private const string Profile = "Microsoft.Unix.Library!Microsoft.Unix.ActionAccount";

    private LoopbackServer _api = null!;
    private MonitoringHostClient _admin = null!;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _api.KeepPort = true;
        _admin = _api.ClientFor(await _api.KeyAsync("admin", ApiRole.Administrator));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Accounts_AreWriteOnly_AndNeverInTheStoreOrTheLogsInTheClear()
    {
        // Restarted with its log collected, as a service's log would be.
        using var log = new CollectingLog();
        await _api.StopAsync();
        _api.Logging = log;
        await _api.StartAgainAsync();
        var windows = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("Contoso monitoring", "Windows",
            new Dictionary<string, string> { ["userName"] = "svc-monitor", ["password"] = Password, ["domain"] = "CONTOSO" }));
        var snmp = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("Switches", "SnmpCommunity", new Dictionary<string, string> { ["CommunityString"] = Community }));

        (windows.Name, windows.Kind, snmp.Kind).Should().Be(("Contoso monitoring", "Windows", "SnmpCommunity"));
        (await _admin.ListRunAsAccountsAsync()).Select(a => a.Name).Should().Equal("Contoso monitoring", "Switches");
        var (_, body, response) = await _api.SendAsync(HttpMethod.Get, "/api/v1/runas/accounts", await _api.KeyAsync("author", ApiRole.Author));
        response.Dispose();
        body.ToString().Should().NotContain(Password).And.NotContain("svc-monitor").And.NotContain(Community);

        // The runtime gets the values back, decrypted, for a workflow's run.
        var read = await _api.Server.RunAs.ReadAccountAsync(windows.Id, default);
        (read!.Credential.UserName, read.Credential.Password, read.Credential.Domain).Should().Be(("svc-monitor", Password, "CONTOSO"));

        await _api.StopAsync();
        foreach (var file in Directory.GetFiles(_api.Folder, "monitoringhost.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in new[] { Password, Community })
            {
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)).Should().Be(-1, $"{file} holds no secret in UTF-8");
                bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)).Should().Be(-1, $"{file} holds no secret in UTF-16");
            }
        }

        log.Entries.Should().NotBeEmpty();
        log.Entries.Should().NotContain(e => e.Message.Contains(Password, StringComparison.Ordinal) || e.Message.Contains(Community, StringComparison.Ordinal)
            || (e.Exception != null && e.Exception.ToString().Contains(Password, StringComparison.Ordinal)));
        _api.Logging = null;
        await _api.StartAgainAsync();
    }

    [Fact]
    public async Task Assignments_ResolveTheProfile_ForTheMostSpecificScope()
    {
        var computer = await _api.DiscoverComputerAsync("unix01.contoso.com");
        var everyone = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("Everyone", "Basic", new Dictionary<string, string> { ["UserName"] = "monitor", ["Password"] = Password }));
        var special = await _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("Special", "SshKey",
            new Dictionary<string, string> { ["UserName"] = "root-ish", ["PrivateKey"] = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a real key\n-----END OPENSSH PRIVATE KEY-----" }));

        await _admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "class", "System.Entity", everyone.Id));
        var target = _api.Server.Space.Get(computer)!;
        _api.Server.RunAsResolver.Resolve(Profile, target).AccountName.Should().Be("Everyone");

        await _admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "object", computer.ToString(), special.Id));
        _api.Server.RunAsResolver.Resolve(Profile, target).AccountName.Should().Be("Special");
        (await _admin.ListRunAsAssignmentsAsync()).Select(a => (a.Scope, a.Target)).Should().Equal(("class", "System.Entity"), ("object", computer.ToString()));

        await _admin.UnassignRunAsProfileAsync(Profile, "object", computer.ToString());
        _api.Server.RunAsResolver.Resolve(Profile, target).AccountName.Should().Be("Everyone");
        await _admin.DeleteRunAsAccountAsync(everyone.Id);
        (await _admin.ListRunAsAssignmentsAsync()).Should().BeEmpty("deleting an account removes its assignments");
    }

    [Fact]
    public async Task BadInput_SaysWhereAndWhat_AndChangesNothing()
    {
        (await Refused(() => _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("x", "Kerberos", new Dictionary<string, string>()))))
            .Should().Be((HttpStatusCode.BadRequest, "kind"));
        var missing = await Refused(() => _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("x", "Windows", new Dictionary<string, string> { ["UserName"] = "u" })));
        missing.Should().Be((HttpStatusCode.BadRequest, "fields"));
        var wrongField = await FluentActions.Awaiting(() => _admin.SaveRunAsAccountAsync(new RunAsAccountDefinition("x", "SnmpCommunity",
            new Dictionary<string, string> { ["CommunityString"] = Community, ["Password"] = Password }))).Should().ThrowAsync<MonitoringHostApiException>();
        wrongField.Which.Message.Should().Contain("Password").And.NotContain(Password);
        (await Refused(() => _admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "class", "System.Entity", Guid.NewGuid())))).Status.Should().Be(HttpStatusCode.BadRequest);
        (await Refused(() => _admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "planet", "x", Guid.NewGuid())))).Should().Be((HttpStatusCode.BadRequest, "scope"));
        (await Refused(() => _admin.AssignRunAsProfileAsync(new RunAsProfileAssignment(Profile, "class", "No.Such.Class", Guid.NewGuid())))).Should().Be((HttpStatusCode.BadRequest, "target"));
        (await _admin.ListRunAsAccountsAsync()).Should().BeEmpty();
        (await _admin.ListRunAsAssignmentsAsync()).Should().BeEmpty();
        var operatorKey = _api.ClientFor(await _api.KeyAsync("ops", ApiRole.Operator));
        (await Refused(() => operatorKey.ListRunAsAccountsAsync())).Status.Should().Be(HttpStatusCode.Forbidden);
        operatorKey.Dispose();
    }

    private static async Task<(HttpStatusCode Status, string? Path)> Refused<T>(Func<Task<T>> call)
    {
        var refused = await FluentActions.Awaiting(call).Should().ThrowAsync<MonitoringHostApiException>();
        return (refused.Which.Status, refused.Which.Problem.Errors is [var first, ..] ? first.Path : null);
    }
}
