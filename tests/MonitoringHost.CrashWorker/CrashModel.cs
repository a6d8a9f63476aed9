using System.Globalization;
using System.Text;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;

namespace MonitoringHost.CrashWorker;

/// <summary>
/// The snapshots the worker applies, and what a test can expect of any generation: generation G has
/// <see cref="Computers"/> computers, each with one application whose Version is G and G % 7 + 1 components
/// (so snapshots add and remove objects), and a reference between the first two applications on even generations.
/// </summary>
public static class CrashModel
{
    public const int Computers = 40;
    public static readonly DiscoverySource Source = DiscoverySource.Sdk("crash-worker");

    /// <summary>The shipped libraries and the test pack tests/Shared/Packs/Test.Instances.xml, validated.</summary>
    public static ClassCatalog Load(string repositoryRoot) => LoadSharedPack(repositoryRoot, "Test.Instances.xml");

    /// <summary>The shipped libraries and the pack <paramref name="fileName"/> of tests/Shared/Packs, validated; any error throws with every problem.</summary>
    public static ClassCatalog LoadSharedPack(string repositoryRoot, string fileName)
    {
        var libraries = ShippedLibraries.Read(Path.Combine(repositoryRoot, "packs", "libraries"));
        var result = PackSetLoader.Load([Path.Combine(repositoryRoot, "tests", "Shared", "Packs", fileName)], libraries.Packs);
        if (result.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems.Where(p => p.IsError)));
        }

        return new ClassCatalog(result.Packs);
    }

    public static int ComponentsPerApp(long generation) => (int)(generation % 7) + 1;

    /// <summary>The generation the store holds (0 when empty), read from the applications' Version.</summary>
    public static long CurrentGeneration(InstanceSpace space) =>
        space.OfClass("Test.App").Select(a => long.Parse(a["Version"] ?? "0", CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    public static DiscoveryData Snapshot(long generation)
    {
        var objects = new List<ObjectData>();
        for (var c = 0; c < Computers; c++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"node{c:D3}.crash.test");
            var computer = new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = name });
            var app = new ObjectData("Test.App", new Dictionary<string, string?>
            {
                ["InstanceName"] = "App",
                ["Version"] = generation.ToString(CultureInfo.InvariantCulture),
                ["Tier"] = new StringBuilder().Append('x', (int)(generation % 50)).ToString(),
            }, computer);
            objects.Add(computer);
            objects.Add(app);
            for (var k = 0; k < ComponentsPerApp(generation); k++)
            {
                objects.Add(new ObjectData("Test.Component", new Dictionary<string, string?>
                {
                    ["ComponentName"] = string.Create(CultureInfo.InvariantCulture, $"C{k}"),
                    ["Size"] = generation.ToString(CultureInfo.InvariantCulture),
                }, app));
            }
        }

        var relationships = new List<RelationshipData>();
        if (generation % 2 == 0)
        {
            var first = (ObjectData)objects[1];
            var second = objects.First(o => o.ClassName == "Test.App" && o != first);
            relationships.Add(new RelationshipData("Test.AppReferencesApp", first, second));
        }

        return DiscoveryData.Snapshot(Source, objects, relationships);
    }
}
