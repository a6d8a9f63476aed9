using System.Xml.Linq;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests.Modules.Performance;

/// <summary>
/// Makes native modules the way the host does: found in <see cref="ModuleCatalog.Default"/> by type ID, with the
/// shipped library packs' classes and recording sinks, for one target object.
/// </summary>
internal static class ModuleHarness
{
    public const string WorkflowId = "Test.Perf!Test.Perf.Rule";

    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly MonitoringObject Target = new(
        Guid.Parse("6b0c1f57-1d2e-4c4b-9a51-0a1b2c3d4e5f"), "Microsoft.Windows.Computer", "srv-01", "srv-01", null, ObjectProperties.Empty, T0, T0);

    private static readonly Lazy<ClassCatalog> Classes = new(() =>
    {
        var libraries = ShippedLibraries.Read(RepositoryPaths.Libraries);
        var result = PackSetLoader.Load([], libraries.Packs);
        if (result.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems.Where(p => p.IsError)));
        }

        return new ClassCatalog(result.Packs);
    });

    public static RuntimeServices Services(ICollectedDataSink? collected = null) => new()
    {
        Time = TimeProvider.System,
        Classes = Classes.Value,
        Alerts = new RefusingSinks(),
        Discovery = new RefusingSinks(),
        Collected = collected ?? new RecordingCollectedDataSink(),
    };

    /// <summary>The module for <paramref name="typeId"/> made from <paramref name="configuration"/> (the module's element, as XML).</summary>
    public static ModuleInstance Create(string typeId, string configuration, RuntimeServices? services = null)
    {
        var factory = ModuleCatalog.Default.Find(typeId) ?? throw new InvalidOperationException($"no native module {typeId}");
        return factory.Create(new ModuleSetup
        {
            Configuration = new ModuleConfiguration(XElement.Parse(configuration), WorkflowId, "CD"),
            WorkflowId = WorkflowId,
            ModuleId = "CD",
            Target = Target,
            Services = services ?? Services(),
        });
    }

    public static ConditionModule Condition(string typeId, string configuration) => (ConditionModule)Create(typeId, configuration);

    /// <summary>Samples of one counter instance, one a minute from <see cref="T0"/>.</summary>
    public static IEnumerable<PerformanceData> Samples(string instance, params double[] values) =>
        values.Select((v, i) => new PerformanceData(T0.AddMinutes(i), "Processor", "% Processor Time", instance, v));

    /// <summary>What the module emits for each sample, in order (null: nothing).</summary>
    public static List<DataItem?> Run(ConditionModule module, IEnumerable<DataItem> items) => items.Select(module.Evaluate).ToList();
}
