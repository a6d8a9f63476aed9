using System.Xml.Linq;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Tests.Credentials;
using MonitoringHost.Tests.Shared.WsMan;

namespace MonitoringHost.Runtime.Tests.Modules.Cim;

/// <summary>
/// The WinRM test endpoint, a Windows computer named after it (<c>127.0.0.1:port</c>) hosting a service object, and a
/// Windows Run As account assigned to the WS-Management action account profile in a real credential store; makes
/// CIM modules for those objects through the default catalog, as a workflow host would.
/// </summary>
internal sealed class CimHarness : IAsyncDisposable
{
    public const string UserName = "svc-monitor";
    public const string Domain = "CONTOSO";
    public const string Password = "Cim-Runtime-S3cret!";

    private CimHarness(RunAsHarness runAs, WsManTestEndpoint endpoint)
    {
        RunAs = runAs;
        Endpoint = endpoint;
    }

    public RunAsHarness RunAs { get; }

    public WsManTestEndpoint Endpoint { get; }

    public string ComputerName => $"127.0.0.1:{Endpoint.Port}";

    public RunAsResolver? Resolver { get; private set; }

    public AgentlessServices Agentless { get; private set; } = null!;

    public MonitoringObject Computer => RunAs.Space.OfClass("Microsoft.Windows.Computer").Single();

    /// <summary>The HealthService object the computer hosts.</summary>
    public MonitoringObject Service => RunAs.Space.OfClass("Test.RunAs.Service").Single();

    /// <summary>Starts everything; without <paramref name="assign"/> no account is assigned to the profile.</summary>
    public static async Task<CimHarness> StartAsync(bool assign = true)
    {
        var harness = new CimHarness(await RunAsHarness.CreateAsync(), await WsManTestEndpoint.StartAsync($"{Domain}\\{UserName}", Password));
        await harness.RunAs.DiscoverAsync([RunAsHarness.Service(harness.ComputerName, "HealthService")]);
        harness.Agentless = new AgentlessServices(harness.RunAs.Time);
        if (assign)
        {
            await harness.AssignAsync(AgentlessProtocols.WsManProfile, RunAsCredential.Windows(UserName, Password, Domain));
        }
        else
        {
            harness.Resolver = await harness.RunAs.Vault.CreateResolverAsync(harness.RunAs.Space, default);
        }

        return harness;
    }

    /// <summary>Saves an account with <paramref name="credential"/>, assigns it to <paramref name="profile"/> for every object, and resolves anew.</summary>
    public async Task AssignAsync(string profile, RunAsCredential credential)
    {
        var account = new RunAsAccount(Guid.NewGuid(), $"account for {profile}", credential);
        await RunAs.Vault.SaveAccountAsync(account, default);
        await RunAs.Vault.AssignAsync(new RunAsAssignment(profile, RunAsScope.Class, "System.Entity", account.Id), default);
        Resolver = await RunAs.Vault.CreateResolverAsync(RunAs.Space, default);
    }

    /// <summary>The module the default catalog makes for <paramref name="typeId"/> from <paramref name="xml"/>, for <paramref name="target"/>.</summary>
    public ModuleInstance Create(string typeId, string xml, MonitoringObject? target = null) =>
        AgentlessModuleSetup.Create(typeId, XElement.Parse(xml), "Test.Cim!Test.Cim.Workflow", "DS", target ?? Computer, RunAs.Time, Resolver, Agentless, RunAs.Space.Get);

    /// <summary>Runs <paramref name="module"/> on one trigger; what it emitted.</summary>
    public async Task<RecordingOutput> RunAsync(ModuleInstance module)
    {
        var output = new RecordingOutput();
        await module.RunAsync(new TriggerData(RunAs.Time.GetUtcNow()), output, CancellationToken.None);
        return output;
    }

    public async ValueTask DisposeAsync()
    {
        Agentless.Dispose();
        await Endpoint.DisposeAsync();
        await RunAs.DisposeAsync();
    }
}
