using MonitoringHost.Discovery.Classes;

namespace MonitoringHost.Runtime.Tests.Credentials;

/// <summary>The shipped libraries and the Run As test pack (Packs/Test.RunAs.xml), loaded and validated once.</summary>
internal static class RunAsTestModel
{
    private static readonly Lazy<ClassCatalog> Catalog = new(() => RuntimeTestModel.Load(RuntimeTestModel.Pack("Test.RunAs.xml")));

    public static ClassCatalog Classes => Catalog.Value;
}
