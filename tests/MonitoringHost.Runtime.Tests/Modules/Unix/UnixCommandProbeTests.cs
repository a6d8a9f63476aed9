using System.Security;
using System.Xml.Linq;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Probes.Ssh;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Modules.Unix;
using MonitoringHost.Runtime.Tests.Modules.Probes;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests.Modules.Unix;

/// <summary>
/// The UNIX invoke modules against the real sshd <c>test.sh</c> starts (<c>MH_TEST_SSH</c>), made through the default
/// catalog from the configurations the library's shell-command monitor types and the fragment library give them.
/// </summary>
public sealed class UnixCommandProbeTests : IDisposable
{
    private readonly AgentlessServices _agentless = new(TimeProvider.System, knownHosts: new MemoryKnownHostsStore())
    {
        Reachability = new RemoteReachability(TimeProvider.System) { FirstBackoff = TimeSpan.FromMinutes(1) },
    };

    [Theory]
    [InlineData(UnixInvokeProbeFactory.Id, "Microsoft.Unix.Library")]
    [InlineData(UnixInvokePrivilegedProbeFactory.Id, "Microsoft.Unix.Library")]
    [InlineData(UnixInvokeWriteActionFactory.Id, "Microsoft.Unix.Library")]
    [InlineData(UnixInvokePrivilegedWriteActionFactory.Id, "Microsoft.Unix.Library")]
    [InlineData(WsManInvokerFactory.Id, "Microsoft.SystemCenter.WSManagement.Library")]
    public void DefaultCatalog_ImplementsTheLibrarysInvokeModules(string typeId, string packId)
    {
        var factory = ModuleCatalog.Default.Find(typeId);
        factory.Should().NotBeNull();
        factory!.UsesWholeRunAsAccounts.Should().BeTrue();
        var module = ProbeSetup.LibraryPacks.Single(p => p.Id == packId).ElementsOf<ModuleType>().Single(m => m.Id == typeId);
        module.Implementation.Should().BeOfType<NativeImplementation>();
    }

    [SkippableFact]
    public async Task A_shell_command_answers_StdOut_and_ReturnCode()
    {
        var ssh = SshTestServer.Require();
        await PinAsync(ssh);

        var item = await RunAsync(Invoker(ssh, "test -d / &amp;&amp; echo 1 || echo 0", timeout: 20));

        item.TypeName.Should().Be(XmlDataItem.WsManDataType);
        Read(item, "//*[local-name()=\"StdOut\"]").Should().Be("1\n");
        Read(item, "//*[local-name()=\"ReturnCode\"]").Should().Be("0");
        Read(item, "//*[local-name()=\"ReturnValue\"]").Should().Be("true");
        _agentless.Reachability.State(AgentlessProtocols.Ssh, ssh.Endpoint)!.Status.Should().Be("OK");
    }

    [SkippableFact]
    public async Task A_failing_command_is_answered_with_its_exit_code_and_error_output()
    {
        var ssh = SshTestServer.Require();
        await PinAsync(ssh);

        var item = await RunAsync(Invoker(ssh, "ls /no/such/folder", timeout: 20));

        Read(item, "//*[local-name()=\"ReturnCode\"]").Should().Be("2");
        Read(item, "//*[local-name()=\"ReturnValue\"]").Should().Be("false");
        Read(item, "//*[local-name()=\"StdErr\"]").Should().Contain("/no/such/folder");
        Read(item, "//*[local-name()=\"StdOut\"]").Should().BeEmpty();
    }

    [SkippableFact]
    public async Task A_script_runs_with_its_arguments_and_is_removed()
    {
        var ssh = SshTestServer.Require();
        await PinAsync(ssh);
        var input = "&lt;p:ExecuteScript_INPUT xmlns:p=\"x\"&gt;&lt;p:Script&gt;#!/bin/sh\necho \"$1-$2\"\necho \"$0\" &gt;&amp;2\n&lt;/p:Script&gt;&lt;p:Arguments&gt;one two&lt;/p:Arguments&gt;&lt;p:timeout&gt;20&lt;/p:timeout&gt;&lt;/p:ExecuteScript_INPUT&gt;";

        var item = await RunAsync(Invoker(ssh, input: input, action: "ExecuteScript"));

        Read(item, "//*[local-name()=\"StdOut\"]").Should().Be("one-two\n");
        var script = Read(item, "//*[local-name()=\"StdErr\"]")!.Trim();
        script.Should().StartWith("/tmp/");
        var check = await RunAsync(Invoker(ssh, $"test -e {script} &amp;&amp; echo left || echo removed", timeout: 20));
        Read(check, "//*[local-name()=\"StdOut\"]").Should().Be("removed\n");
    }

    [SkippableFact]
    public async Task A_command_running_past_its_timeout_is_stopped_and_answered_with_ReturnCode_minus_one()
    {
        var ssh = SshTestServer.Require();
        await PinAsync(ssh);

        var item = await RunAsync(Invoker(ssh, "sleep 30; echo late", timeout: 1, timeOutInMs: 20000));

        Read(item, "//*[local-name()=\"ReturnCode\"]").Should().Be("-1");
        Read(item, "//*[local-name()=\"ReturnValue\"]").Should().Be("false");
        Read(item, "//*[local-name()=\"StdOut\"]").Should().BeEmpty();
        Read(item, "//*[local-name()=\"StdErr\"]").Should().Be($"ExecuteShellCommand on {ssh.Endpoint} as {ssh.UserName}: the command did not end within its timeout of 1 s and was stopped");
        var state = _agentless.Reachability.State(AgentlessProtocols.Ssh, ssh.Endpoint)!;
        (state.Status, state.Reachable, state.RetryAfter).Should().Be(("CommandTimeout", true, (DateTimeOffset?)null));
    }

    [SkippableFact]
    public async Task A_wrong_password_fails_the_run_with_the_reason_and_no_secret()
    {
        var ssh = SshTestServer.Require();
        await PinAsync(ssh);

        var failure = await RunFailingAsync(Invoker(ssh, "echo 1", timeout: 20, password: "not-" + ssh.Password));

        failure.Status.Should().Be(SshCommandStatus.AuthenticationFailed);
        failure.Message.Should().StartWith($"ExecuteShellCommand on {ssh.Endpoint} as {ssh.UserName} (user {ssh.UserName} given in the configuration): AuthenticationFailed: authentication failed for user {ssh.UserName}");
        failure.Message.Should().NotContain(ssh.Password);
        var state = _agentless.Reachability.State(AgentlessProtocols.Ssh, ssh.Endpoint)!;
        (state.Status, state.Reachable, state.RetryAfter).Should().Be(("AuthenticationFailed", true, (DateTimeOffset?)null), "a computer that refused the login answered");
    }

    [SkippableFact]
    public async Task An_unknown_host_key_is_refused_without_trust_on_first_use()
    {
        var ssh = SshTestServer.Require();

        var failure = await RunFailingAsync(Invoker(ssh, "echo 1", timeout: 20));

        failure.Status.Should().Be(SshCommandStatus.UnknownHostKey);
        failure.Message.Should().Contain(ssh.Endpoint).And.Contain(ssh.HostKey().Fingerprint);
        (await _agentless.KnownHosts.FindAsync(ssh.Endpoint, CancellationToken.None)).Should().BeNull("nothing is pinned without trust on first use");
    }

    [SkippableFact]
    public async Task Trust_on_first_use_pins_the_key_when_the_endpoint_says_so()
    {
        var ssh = SshTestServer.Require();
        using var trusting = new AgentlessServices(TimeProvider.System, new TrustingEndpoints(), new MemoryKnownHostsStore());

        var item = await RunAsync(Invoker(ssh, "echo pinned", timeout: 20), trusting);

        Read(item, "//*[local-name()=\"StdOut\"]").Should().Be("pinned\n");
        (await trusting.KnownHosts.FindAsync(ssh.Endpoint, CancellationToken.None)).Should().Be(ssh.HostKey());
    }

    [SkippableFact]
    public async Task A_changed_host_key_is_refused()
    {
        var ssh = SshTestServer.Require();
        await _agentless.KnownHosts.PinAsync(ssh.Endpoint, new SshHostKey("ssh-ed25519", "SHA256:" + Convert.ToBase64String(new byte[32]).TrimEnd('=')), CancellationToken.None);

        var failure = await RunFailingAsync(Invoker(ssh, "echo 1", timeout: 20));

        failure.Status.Should().Be(SshCommandStatus.HostKeyChanged);
        failure.Message.Should().Contain($"the host key of {ssh.Endpoint} changed");
        _agentless.Reachability.State(AgentlessProtocols.Ssh, ssh.Endpoint)!.Reachable.Should().BeTrue();
    }

    [SkippableFact]
    public async Task A_refused_connection_backs_the_computer_off_so_later_runs_do_not_try()
    {
        var ssh = SshTestServer.Require();
        var port = SshTestServer.ClosedPort();
        var computer = $"127.0.0.1:{port}";

        var failure = await RunFailingAsync(Invoker(ssh, "echo 1", timeout: 20, targetSystem: computer));

        failure.Status.Should().Be(SshCommandStatus.ConnectionRefused);
        var state = _agentless.Reachability.State(AgentlessProtocols.Ssh, computer)!;
        (state.Status, state.Reachable, state.ConsecutiveFailures).Should().Be(("ConnectionRefused", false, 1));
        state.RetryAfter.Should().BeAfter(DateTimeOffset.UtcNow);

        var again = () => RunAsync(Invoker(ssh, "echo 1", timeout: 20, targetSystem: computer));
        (await again.Should().ThrowAsync<RemoteHostUnavailableException>()).Which.Message.Should().Contain($"ssh to {computer} not tried until");
        _agentless.Reachability.State(AgentlessProtocols.Ssh, computer)!.ConsecutiveFailures.Should().Be(1, "the second run did not try");
    }

    [Fact]
    public void A_module_type_whose_profile_has_no_account_does_not_load()
    {
        var create = () => Create(UnixInvokeProbeFactory.Id, """
            <ProbeAction ID="Probe" TypeID="MUL!Microsoft.Unix.WSMan.Invoke.ProbeAction">
              <TargetSystem>127.0.0.1:22</TargetSystem>
              <Uri>http://schemas.microsoft.com/wbem/wscim/1/cim-schema/2/SCX_OperatingSystem?__cimnamespace=root/scx</Uri>
              <Selector />
              <InvokeAction>ExecuteShellCommand</InvokeAction>
              <Input>&lt;p:ExecuteShellCommand_INPUT xmlns:p="x"&gt;&lt;p:command&gt;uname&lt;/p:command&gt;&lt;p:timeout&gt;10&lt;/p:timeout&gt;&lt;/p:ExecuteShellCommand_INPUT&gt;</Input>
            </ProbeAction>
            """);

        create.Should().Throw<RunAsResolutionException>().WithMessage("*Microsoft.Unix.Library!Microsoft.Unix.ActionAccount*no Run As accounts*");
    }

    [Fact]
    public void A_resource_other_than_SCX_OperatingSystem_does_not_load()
    {
        var create = () => Create(WsManInvokerFactory.Id, Invoker(null, "uname", timeout: 5, uri: "http://schemas.microsoft.com/wbem/wscim/1/cim-schema/2/SCX_Agent?__cimnamespace=root/scx"));

        create.Should().Throw<ModuleConfigurationException>().WithMessage("*Invoke/Uri*SCX_Agent*only its ExecuteCommand, ExecuteShellCommand and ExecuteScript*");
    }

    public void Dispose() => _agentless.Dispose();

    private static string? Read(DataItem item, string path) => item.Select(DataPath.Parse(path));

    /// <summary>The Invoke element of the library's shell-command monitor types, with a literal account.</summary>
    private static string Invoker(
        SshTestServer? ssh,
        string? command = null,
        int timeout = 0,
        long timeOutInMs = 30000,
        string? password = null,
        string? targetSystem = null,
        string? input = null,
        string action = "ExecuteShellCommand",
        string uri = "http://schemas.microsoft.com/wbem/wscim/1/cim-schema/2/SCX_OperatingSystem?__cimnamespace=root/scx")
    {
        input ??= $"&lt;p:ExecuteShellCommand_INPUT xmlns:p=\"http://schemas.microsoft.com/wbem/wscim/1/cim-schema/2/SCX_OperatingSystem\"&gt;&lt;p:command&gt;{command}&lt;/p:command&gt;&lt;p:timeout&gt;{timeout}&lt;/p:timeout&gt;&lt;/p:ExecuteShellCommand_INPUT&gt;";
        return $"""
            <ProbeAction ID="ShellCommandProbe" TypeID="MSWL!Microsoft.SystemCenter.WSManagement.Invoker">
              <Invoke>
                <Protocol>https</Protocol>
                <TargetSystem>{targetSystem ?? ssh?.Endpoint ?? "127.0.0.1"}</TargetSystem>
                <Port>1270</Port>
                <Authentication>Basic</Authentication>
                <UserName>{ssh?.UserName ?? "nobody"}</UserName>
                <Password>{SecurityElement.Escape(password ?? ssh?.Password ?? "x")}</Password>
                <SkipCACheck>false</SkipCACheck>
                <SkipCNCheck>false</SkipCNCheck>
                <OutputErrorIfAny>true</OutputErrorIfAny>
                <UTF>utf-8</UTF>
                <Uri>{uri}</Uri>
                <Selector />
                <InvokeAction>{action}</InvokeAction>
                <Input>{input}</Input>
                <TimeOutInMS>{timeOutInMs}</TimeOutInMS>
              </Invoke>
            </ProbeAction>
            """;
    }


    private async Task PinAsync(SshTestServer ssh) => await _agentless.KnownHosts.PinAsync(ssh.Endpoint, ssh.HostKey(), CancellationToken.None);

    private ModuleInstance Create(string typeId, string xml, AgentlessServices? agentless = null)
    {
        var element = XElement.Parse(xml);
        var setup = ProbeSetup.Setup(xml);
        var target = new MonitoringObject(
            Guid.Parse("6f2c1d7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f"), "Microsoft.Unix.Computer", "unix01", "unix01", null,
            ObjectProperties.From([new("PrincipalName", "unix01")]), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var services = new RuntimeServices
        {
            Time = TimeProvider.System,
            Classes = setup.Services.Classes,
            Alerts = setup.Services.Alerts,
            Discovery = setup.Services.Discovery,
            Collected = setup.Services.Collected,
            Agentless = agentless ?? _agentless,
        };
        return ModuleCatalog.Default.Find(typeId)!.Create(new ModuleSetup
        {
            Configuration = new ModuleConfiguration(element, ProbeSetup.WorkflowId, "ShellCommandProbe"),
            WorkflowId = ProbeSetup.WorkflowId,
            ModuleId = "ShellCommandProbe",
            Target = target,
            Services = services,
        });
    }

    private async Task<DataItem> RunAsync(string xml, AgentlessServices? agentless = null)
    {
        var output = new RecordingOutput();
        await Create(WsManInvokerFactory.Id, xml, agentless).RunAsync(new TriggerData(DateTimeOffset.UtcNow), output, CancellationToken.None);
        output.Items.Should().ContainSingle();
        return output.Items.Single();
    }

    private async Task<ShellCommandFailedException> RunFailingAsync(string xml)
    {
        var output = new RecordingOutput();
        var run = () => Create(WsManInvokerFactory.Id, xml).RunAsync(new TriggerData(DateTimeOffset.UtcNow), output, CancellationToken.None).AsTask();
        var failure = (await run.Should().ThrowAsync<ShellCommandFailedException>()).Which;
        output.Items.Should().BeEmpty("a command that could not run emits nothing");
        return failure;
    }

    /// <summary>Endpoints as a computer added with trust on first use has them.</summary>
    private sealed class TrustingEndpoints : IAgentlessEndpoints
    {
        public AgentlessEndpoint Resolve(string computerName, string protocol) =>
            DefaultAgentlessEndpoints.Instance.Resolve(computerName, protocol) with { TrustOnFirstUse = true };

        public bool IsManaged(string computerName, string protocol) => true;
    }
}
