using System.Xml.Linq;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests.Modules.Probes;

/// <summary>
/// Makes probe modules the way the runtime will: from the element of a module's use in a workflow (as a pack writes
/// it), through the factory the default catalog finds for its type, with services over the shipped libraries.
/// </summary>
internal static class ProbeSetup
{
    public const string WorkflowId = "Contoso.Web!Contoso.Web.Availability.Monitor";

    private static readonly Lazy<LoadedLibraries> Libraries = new(LoadLibraries);

    public static IReadOnlyList<ManagementPack> LibraryPacks => Libraries.Value.Packs;

    public static MonitoringObject Target { get; } = new(
        Guid.Parse("5d1c3a3e-0f5e-4d3c-9b59-3c1e0e6f9a01"),
        "Microsoft.Windows.Computer",
        "web01.contoso.test",
        "web01.contoso.test",
        null,
        ObjectProperties.From([new("PrincipalName", "web01.contoso.test")]),
        DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch);

    /// <summary>The setup of the module in <paramref name="xml"/>; <paramref name="agentless"/>: the added computers and the rest (default: none added).</summary>
    public static ModuleSetup Setup(string xml, TimeProvider? time = null, AgentlessServices? agentless = null)
    {
        var element = XElement.Parse(xml);
        var moduleId = element.Attribute("ID")?.Value ?? "Probe";
        return new ModuleSetup
        {
            Configuration = new ModuleConfiguration(element, WorkflowId, moduleId),
            WorkflowId = WorkflowId,
            ModuleId = moduleId,
            Target = Target,
            Services = Services(time ?? TimeProvider.System, agentless),
        };
    }

    /// <summary>The module the default catalog makes for <paramref name="typeId"/> from <paramref name="xml"/>.</summary>
    public static ModuleInstance Create(string typeId, string xml, TimeProvider? time = null, AgentlessServices? agentless = null) =>
        (ModuleCatalog.Default.Find(typeId) ?? throw new InvalidOperationException($"no native module for {typeId}")).Create(Setup(xml, time, agentless));

    /// <summary>Runs <paramref name="module"/> on one trigger and returns the one item it emits.</summary>
    public static async Task<DataItem> RunOnceAsync(ModuleInstance module)
    {
        var output = new RecordingOutput();
        await module.RunAsync(new TriggerData(DateTimeOffset.UtcNow), output, CancellationToken.None);
        output.Items.Should().ContainSingle("a probe answers each trigger with one item");
        return output.Items.Single();
    }

    public static string? Value(this DataItem item, string path) => item.Select(DataPath.Parse(path));

    private static RuntimeServices Services(TimeProvider time, AgentlessServices? agentless)
    {
        var sinks = new RecordingSinks();
        return agentless is null
            ? new RuntimeServices { Time = time, Classes = Libraries.Value.Classes, Alerts = sinks, Discovery = sinks, Collected = sinks }
            : new RuntimeServices { Time = time, Classes = Libraries.Value.Classes, Alerts = sinks, Discovery = sinks, Collected = sinks, Agentless = agentless };
    }

    private static LoadedLibraries LoadLibraries()
    {
        var libraries = ShippedLibraries.Read(RepositoryPaths.Libraries);
        var result = PackSetLoader.Load([], libraries.Packs);
        if (result.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems.Where(p => p.IsError)));
        }

        return new LoadedLibraries(libraries.Packs, new ClassCatalog(result.Packs));
    }

    private sealed record LoadedLibraries(IReadOnlyList<ManagementPack> Packs, ClassCatalog Classes);
}
