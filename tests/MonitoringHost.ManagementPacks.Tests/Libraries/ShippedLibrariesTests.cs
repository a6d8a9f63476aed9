using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.ManagementPacks.Tests.Corpus;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.ManagementPacks.Tests.Libraries;

public sealed class ShippedLibrariesTests(LibraryFixture libraries) : IClassFixture<LibraryFixture>
{
    private static readonly string[] CoreLibraries =
    [
        "System.Library", "System.Health.Library", "System.Performance.Library", "Microsoft.SystemCenter.Library",
        "Microsoft.SystemCenter.InstanceGroup.Library", "Microsoft.Windows.Library",
        "Microsoft.SystemCenter.SyntheticTransactions.Library", "Microsoft.SystemCenter.DataWarehouse.Library",
    ];

    [Fact]
    public void Libraries_ValidateTogether_WithNoProblemsAtAll()
    {
        var result = PackSetLoader.Validate(libraries.Packs, [], libraries.Packs.Length);

        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Libraries_AreSealedWithMicrosoftsKey_AtAVersionEveryCorpusReferenceAccepts()
    {
        libraries.Packs.Select(p => p.Id).Should().Contain(CoreLibraries);
        libraries.Packs.Should().OnlyContain(p => p.Sealed && p.PublicKeyToken == ConventionalAliases.MicrosoftKeyToken);
        libraries.Packs.Should().OnlyContain(p => p.Version >= new Version(7, 5, 8501, 0));
    }

    [Fact]
    public void EachLibrary_DescribesWhichModuleTypesTheHostCovers()
    {
        foreach (var pack in libraries.Packs)
        {
            var description = pack.DisplayStringFor(pack.Id)?.Description;
            description.Should().NotBeNullOrWhiteSpace($"{pack.Id} should say what it covers");
            foreach (var module in pack.ElementsOf<ModuleType>().Where(m => m.Accessibility == Accessibility.Public && m.Implementation is NativeImplementation))
            {
                description.Should().Contain(module.Id, $"{pack.Id}'s description lists the native modules it covers");
            }
        }
    }

    [Fact]
    public void HealthLibrary_GivesEveryObjectTheStandardRollup()
    {
        var health = libraries.Packs.Single(p => p.Id == "System.Health.Library");
        var aggregates = health.ElementsOf<AggregateMonitor>().ToDictionary(a => a.Id);

        aggregates["System.Health.EntityState"].ParentMonitorId.Should().BeNull();
        foreach (var id in new[] { "AvailabilityState", "PerformanceState", "ConfigurationState", "SecurityState" })
        {
            aggregates[$"System.Health.{id}"].Should().Match<AggregateMonitor>(a =>
                a.ParentMonitorId == "System.Health.EntityState" && a.Algorithm == "WorstOf" && a.Settings.Target == "System!System.Entity");
        }
    }

    [Fact]
    public void SamplePack_UsingEveryElementKind_ValidatesCleanAgainstTheLibraries()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "tests", "MonitoringHost.ManagementPacks.Tests", "Reading", "Samples", "Contoso.Sample.xml");

        var result = PackSetLoader.Load([sample], libraries.Packs);

        result.Problems.Where(p => p.IsError).Should().BeEmpty();
        result.Summary.Should().Be(new PackSetSummary(1, 3, 8, 0, 1));
    }
}
