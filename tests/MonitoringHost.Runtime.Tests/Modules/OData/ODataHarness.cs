using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Modules.OData;
using MonitoringHost.Runtime.Tests.Credentials;
using MonitoringHost.Runtime.Tests.Modules.Agentless;
using MonitoringHost.Tests.Shared.Orchestrator;

namespace MonitoringHost.Runtime.Tests.Modules.OData;

/// <summary>
/// The Orchestrator web service double, a Windows computer <c>sco01.contoso.test</c> added to be managed at
/// 127.0.0.1 (so the service URL names it and the module reaches the double), and a Windows Run As account for the
/// service in a real credential store; makes OData feed probes through the default catalog, as a workflow host would.
/// </summary>
internal sealed class ODataHarness : IAsyncDisposable
{
    public const string ComputerName = "sco01.contoso.test";
    public const string UserName = "svc-sco";
    public const string Domain = "CONTOSO";
    public const string Password = "Orch-Runtime-S3cret!";
    public const string Credentials =
        $"<UserName>$RunAs[Name=\"{RunAsHarness.Profile}\"]/UserName$</UserName><Password>$RunAs[Name=\"{RunAsHarness.Profile}\"]/Password$</Password><Domain>$RunAs[Name=\"{RunAsHarness.Profile}\"]/Domain$</Domain>";

    public static readonly DateTimeOffset ServiceStart = new(2026, 5, 14, 8, 30, 0, TimeSpan.Zero);

    private ODataHarness(RunAsHarness runAs, OrchestratorWebService service, FakeTimeProvider serviceClock, AgentlessServices agentless, RunAsResolver resolver)
    {
        RunAs = runAs;
        Service = service;
        ServiceClock = serviceClock;
        Agentless = agentless;
        Resolver = resolver;
    }

    public RunAsHarness RunAs { get; }

    public OrchestratorWebService Service { get; }

    /// <summary>The double's clock (its timestamps).</summary>
    public FakeTimeProvider ServiceClock { get; }

    public AgentlessServices Agentless { get; }

    public RunAsResolver Resolver { get; }

    /// <summary>The service root as a pack names it: the computer's name and the service's port.</summary>
    public string ServiceUrl => $"http://{ComputerName}:{Service.Port}{OrchestratorWebService.BasePath}";

    public MonitoringObject Computer => RunAs.Space.OfClass("Microsoft.Windows.Computer").Single();

    public static async Task<ODataHarness> StartAsync()
    {
        var runAs = await RunAsHarness.CreateAsync();
        await runAs.DiscoverAsync([RunAsHarness.Computer(ComputerName)]);
        var clock = new FakeTimeProvider(ServiceStart);
        var service = await OrchestratorWebService.StartAsync(clock, $"{Domain}\\{UserName}", Password);
        var registry = await RegistryAsync(runAs.Space.OfClass("Microsoft.Windows.Computer").Single().Id);
        var account = new RunAsAccount(Guid.NewGuid(), "Orchestrator web service", RunAsCredential.Windows(UserName, Password, Domain));
        await runAs.Vault.SaveAccountAsync(account, default);
        await runAs.Vault.AssignAsync(new RunAsAssignment(RunAsHarness.Profile, RunAsScope.Class, "System.Entity", account.Id), default);
        var resolver = await runAs.Vault.CreateResolverAsync(runAs.Space, default);
        return new ODataHarness(runAs, service, clock, new AgentlessServices(TimeProvider.System, registry), resolver);
    }

    /// <summary>The added computers: <see cref="ComputerName"/> over WS-Man at 127.0.0.1, its object <paramref name="objectId"/>.</summary>
    public static async Task<ManagedComputerRegistry> RegistryAsync(Guid objectId)
    {
        var computers = new MemoryComputerStore();
        await computers.SaveComputerAsync(new ManagedComputer(ComputerName, AgentlessProtocols.WsMan, "127.0.0.1", 5985, "Microsoft.Windows.Computer", objectId), null, default);
        var registry = new ManagedComputerRegistry(computers);
        await registry.ReloadAsync(default);
        return registry;
    }

    /// <summary>The probe the default catalog makes from the elements in <paramref name="configuration"/> (the module's use in a workflow).</summary>
    public ModuleInstance Create(string configuration) => AgentlessModuleSetup.Create(
        ODataFeedProbe.Factory.Id,
        XElement.Parse($"<ProbeAction ID=\"Feed\" TypeID=\"{ODataFeedProbe.Factory.Id}\">{configuration}</ProbeAction>"),
        "Test.Orchestrator!Test.Orchestrator.Runbooks.Discovery",
        "DS/Feed",
        Computer,
        TimeProvider.System,
        Resolver,
        Agentless);

    /// <summary>A probe of <paramref name="collection"/> at <see cref="ServiceUrl"/> with the Run As credentials and <paramref name="more"/> elements.</summary>
    public ModuleInstance Feed(string collection, string more = "") =>
        Create($"<ServiceUrl>{ServiceUrl}</ServiceUrl><Collection>{new XText(collection)}</Collection>{more}{Credentials}");

    /// <summary>Runs <paramref name="module"/> on one trigger and returns the one set it emitted.</summary>
    public static async Task<IReadOnlyList<PropertyBagData>> ReadAsync(ModuleInstance module)
    {
        var output = new RecordingOutput();
        await module.RunAsync(new TriggerData(DateTimeOffset.UtcNow), output, CancellationToken.None);
        output.Items.Should().BeEmpty("the probe emits its bags as one set");
        output.Sets.Should().ContainSingle();
        return [.. output.Sets.Single().Items.Cast<PropertyBagData>()];
    }

    public async ValueTask DisposeAsync()
    {
        Agentless.Dispose();
        await Service.DisposeAsync();
        await RunAs.DisposeAsync();
    }
}
