using System.Globalization;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.CrashWorker;

/// <summary>
/// What the worker's operations mode monitors: the shipped libraries and tests/Shared/Packs/Test.Crash.Health.xml,
/// and <see cref="Computers"/> computers each hosting <see cref="ServicesPerComputer"/> services, discovered once.
/// </summary>
public static class CrashHealthModel
{
    public const int Computers = 4;
    public const int ServicesPerComputer = 5;
    public const string ServiceClass = "Test.Crash.Service";
    public const string AutoMonitor = "Test.Crash.Auto.Monitor";
    public const string StickyMonitor = "Test.Crash.Sticky.Monitor";
    public const string Rollup = "Test.Crash.Rollup";
    public static readonly DiscoverySource Source = DiscoverySource.Sdk("crash-worker-operations");

    /// <summary>The monitors an operator resets now and then.</summary>
    public static readonly IReadOnlyList<string> ResetMonitors = [AutoMonitor, StickyMonitor, Rollup];

    public static ClassCatalog Load(string repositoryRoot) => CrashModel.LoadSharedPack(repositoryRoot, "Test.Crash.Health.xml");

    public static DiscoveryData Snapshot()
    {
        var objects = new List<ObjectData>();
        for (var c = 0; c < Computers; c++)
        {
            var computer = new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?>
            {
                ["PrincipalName"] = string.Create(CultureInfo.InvariantCulture, $"ops{c:D2}.crash.test"),
            });
            objects.Add(computer);
            for (var s = 0; s < ServicesPerComputer; s++)
            {
                objects.Add(new ObjectData(ServiceClass, new Dictionary<string, string?>
                {
                    ["ServiceName"] = string.Create(CultureInfo.InvariantCulture, $"svc{c:D2}-{s}"),
                }, computer));
            }
        }

        return DiscoveryData.Snapshot(Source, objects, []);
    }
}
