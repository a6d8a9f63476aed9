using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests.Credentials;

/// <summary>The shipped libraries and the Run As test pack (Packs/Test.RunAs.xml), loaded and validated once.</summary>
internal static class RunAsTestModel
{
    private static readonly Lazy<ClassCatalog> Catalog = new(Load);

    public static ClassCatalog Classes => Catalog.Value;

    private static ClassCatalog Load()
    {
        var root = RepositoryPaths.Root;
        var libraries = ShippedLibraries.Read(Path.Combine(root, "packs", "libraries"));
        var result = PackSetLoader.Load([Path.Combine(root, "tests", "MonitoringHost.Runtime.Tests", "Packs", "Test.RunAs.xml")], libraries.Packs);
        if (result.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems.Where(p => p.IsError)));
        }

        return new ClassCatalog(result.Packs);
    }
}
