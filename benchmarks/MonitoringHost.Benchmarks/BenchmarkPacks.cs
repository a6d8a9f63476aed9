using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;

namespace MonitoringHost.Benchmarks;

/// <summary>Scenario packs, loaded with the shipped libraries and validated as an import would.</summary>
internal static class BenchmarkPacks
{
    /// <summary>The classes of <paramref name="path"/> and the libraries; a pack that does not validate throws with every problem.</summary>
    public static ClassCatalog Load(string path)
    {
        var libraries = ShippedLibraries.Read(Path.Combine(BenchmarkPaths.Root, "packs", "libraries"));
        var result = PackSetLoader.Load([path], libraries.Packs);
        return result.HasErrors
            ? throw new InvalidOperationException("the scenario pack does not validate: " + string.Join(Environment.NewLine, result.Problems.Where(p => p.IsError)))
            : new ClassCatalog(result.Packs);
    }

    /// <summary>A pack of this project's Packs folder.</summary>
    public static string Pack(string fileName) => Path.Combine(BenchmarkPaths.Root, "benchmarks", "MonitoringHost.Benchmarks", "Packs", fileName);
}
