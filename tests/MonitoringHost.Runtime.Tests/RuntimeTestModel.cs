using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests;

/// <summary>The shipped libraries and the runtime test pack (Packs/Test.Runtime.xml), loaded and validated once.</summary>
internal static class RuntimeTestModel
{
    private static readonly Lazy<ClassCatalog> Catalog = new(() => Load(Pack("Test.Runtime.xml")));

    public static ClassCatalog Classes => Catalog.Value;

    /// <summary>A pack of this project's Packs folder.</summary>
    public static string Pack(string fileName) => Path.Combine(RepositoryPaths.Root, "tests", "MonitoringHost.Runtime.Tests", "Packs", fileName);

    /// <summary>The shipped libraries and <paramref name="packs"/>, validated as an import would; any error throws with every problem.</summary>
    public static ClassCatalog Load(params string[] packs) => Load(ManagementPackReadOptions.Default, packs);

    /// <summary>
    /// As <see cref="Load(string[])"/>, reading with <paramref name="options"/> (a corpus fragment's template values);
    /// each fragment is a pack of its own.
    /// </summary>
    public static ClassCatalog Load(ManagementPackReadOptions options, params string[] packs)
    {
        var libraries = ShippedLibraries.Read(RepositoryPaths.Libraries);
        var result = PackSetLoader.Load(packs, libraries.Packs, options, FragmentGrouping.EachFile);
        return result.HasErrors
            ? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems.Where(p => p.IsError)))
            : new ClassCatalog(result.Packs);
    }
}
