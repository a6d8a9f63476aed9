using System.Xml.Linq;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests.Modules;

/// <summary>Module setups over the shipped library packs, with recording sinks.</summary>
internal static class TestRuntime
{
    private static readonly Lazy<ClassCatalog> Classes = new(LoadClasses);

    public static MonitoringObject Target { get; } = new(
        Guid.Parse("6d1b9a52-3c0e-4b7a-9a43-5f0c1f4e8a01"), "Microsoft.Windows.Computer", "node1.contoso.test", "node1.contoso.test",
        null, ObjectProperties.Empty, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    public static ModuleSetup Setup(string configurationXml, TimeProvider time, string workflowId = "Test!Rule", string moduleId = "Filter") => new()
    {
        Configuration = new ModuleConfiguration(XElement.Parse(configurationXml), workflowId, moduleId),
        WorkflowId = workflowId,
        ModuleId = moduleId,
        Target = Target,
        Services = new RuntimeServices
        {
            Time = time,
            Classes = Classes.Value,
            Alerts = new RecordingAlertSink(),
            Discovery = new RecordingDiscoverySink(),
            Collected = new RecordingCollectedDataSink(),
        },
    };

    private static ClassCatalog LoadClasses()
    {
        var libraries = ShippedLibraries.Read(RepositoryPaths.Libraries);
        var result = PackSetLoader.Load([], libraries.Packs);
        if (result.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems.Where(p => p.IsError)));
        }

        return new ClassCatalog(result.Packs);
    }
}
