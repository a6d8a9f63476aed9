using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Identity;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests.Modules;

/// <summary>
/// The shipped libraries with tests/Shared/Packs/Test.Instances.xml and this project's Packs/Test.Runtime.Modules.xml,
/// validated as a host would import them; and module setups over them with recording sinks.
/// </summary>
internal static class ModuleTestModel
{
    public const string ModulesPack = "Test.Runtime.Modules";

    public static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static readonly Lazy<ClassCatalog> Catalog = new(Load);

    public static ClassCatalog Classes => Catalog.Value;

    /// <summary>The GUID <c>$MPElement[Name="…"]$</c> becomes for a class.</summary>
    public static string ClassGuid(string className) => Classes.Class(className)!.Id.ToString("D");

    public static string RelationshipGuid(string relationshipName) => Classes.Relationship(relationshipName)!.Id.ToString("D");

    /// <summary>The GUID <c>$MPElement[Name="…"]$</c> becomes for another element of the unsealed pack <paramref name="packId"/>.</summary>
    public static string ElementGuid(string packId, string elementId) => DeterministicGuid.ForElement(packId, keyToken: null, elementId).ToString("D");

    /// <summary>What <c>$MPElement[Name="Alias!Class"]/Property$</c> becomes.</summary>
    public static string PropertyReference(string className, string property) => $"{ClassGuid(className)}/{property}";

    public static MonitoringObject Target(string className, string displayName, Guid? id = null) =>
        new(id ?? Guid.Parse("6a0b7c8d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"), className, displayName, displayName, null, ObjectProperties.Empty, Now, Now);

    public static ModuleSetup Setup(string configuration, string workflowId, MonitoringObject target, RecordingAlertSink? alerts = null, ClassCatalog? classes = null) =>
        new()
        {
            Configuration = new ModuleConfiguration(XElement.Parse(configuration), workflowId, "Module"),
            WorkflowId = workflowId,
            ModuleId = "Module",
            Target = target,
            Services = new RuntimeServices
            {
                Time = new FakeTimeProvider(Now),
                Classes = classes ?? Classes,
                Alerts = alerts ?? new RecordingAlertSink(),
                Discovery = new RecordingDiscoverySink(),
                Collected = new RecordingCollectedDataSink(),
            },
        };

    public static ClassCatalog Load() =>
        RuntimeTestModel.Load(Path.Combine(RepositoryPaths.Root, "tests", "Shared", "Packs", "Test.Instances.xml"), RuntimeTestModel.Pack(ModulesPack + ".xml"));
}
