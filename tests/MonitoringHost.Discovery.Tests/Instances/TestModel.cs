using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Discovery.Tests.Instances;

/// <summary>
/// A small pack on top of the shipped libraries: computers (Microsoft.Windows.Computer) host applications, which
/// host components (hosting depth 3); applications reference each other; a singleton group.
/// </summary>
internal static class TestModel
{

    private static readonly Lazy<ClassCatalog> Catalog = new(Build);

    public static ClassCatalog Classes => Catalog.Value;

    private static ClassCatalog Build() => CrashWorker.CrashModel.Load(RepositoryPaths.Root);

    public static ObjectData Computer(string name, string? ip = null) =>
        new("Microsoft.Windows.Computer", ip is null
            ? new Dictionary<string, string?> { ["PrincipalName"] = name }
            : new Dictionary<string, string?> { ["PrincipalName"] = name, ["IPAddress"] = ip });

    public static ObjectData App(string computer, string instance, string? version = null, string className = "Test.App") =>
        new(className, version is null
            ? new Dictionary<string, string?> { ["InstanceName"] = instance }
            : new Dictionary<string, string?> { ["InstanceName"] = instance, ["Version"] = version }, Computer(computer));

    public static ObjectData Component(string computer, string app, string name, double? size = null) =>
        new("Test.Component", size is null
            ? new Dictionary<string, string?> { ["ComponentName"] = name }
            : new Dictionary<string, string?> { ["ComponentName"] = name, ["Size"] = size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }, App(computer, app));

    public static RelationshipData References(string fromComputer, string fromApp, string toComputer, string toApp) =>
        new("Test.AppReferencesApp", App(fromComputer, fromApp), App(toComputer, toApp));
}
