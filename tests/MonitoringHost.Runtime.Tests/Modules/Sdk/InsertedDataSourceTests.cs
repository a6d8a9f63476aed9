using System.Xml.Linq;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Sdk;
using MonitoringHost.Tests.Shared;
using static MonitoringHost.Runtime.Tests.Modules.Performance.ModuleHarness;

namespace MonitoringHost.Runtime.Tests.Modules.Sdk;

public sealed class InsertedDataSourceTests
{
    private static readonly EventData Event = new(T0, EventData.SystemTypeName) { EventNumber = 4001, EventLevel = 1, PublisherName = "VMM" };

    [Theory]
    [InlineData("Microsoft.SystemCenter.SdkEventProvider", true, false)]
    [InlineData("Microsoft.SystemCenter.SdkPerformanceDataProvider", false, true)]
    public async Task EachProvider_AcceptsItsOwnDataType_AndPassesTheItemOnAsItIs(string typeId, bool events, bool samples)
    {
        var module = (InsertedDataSource)Create(typeId, "<DataSource />");
        var sample = Samples("_Total", 97.5).Single();

        (module.Accepts(Event), module.Accepts(sample)).Should().Be((events, samples));
        var item = events ? (DataItem)Event : sample;
        var output = new RecordingOutput();
        await module.RunAsync(item, output, CancellationToken.None);
        output.Items.Should().ContainSingle().Which.Should().BeSameAs(item);
    }

    [Fact]
    public void Catalog_TheShippedSdkDataSources_HaveNativeModules_WithTheOutputTypeTheyAccept()
    {
        var library = XDocument.Load(Path.Combine(RepositoryPaths.Libraries, "Microsoft.SystemCenter.Library.xml"));
        var sources = library.Descendants("DataSourceModuleType")
            .Where(e => ((string)e.Attribute("ID")!).StartsWith("Microsoft.SystemCenter.Sdk", StringComparison.Ordinal))
            .ToDictionary(e => (string)e.Attribute("ID")!, e => ((string)e.Element("OutputType")!).Split('!')[1]);

        sources.Should().Equal(new Dictionary<string, string>
        {
            ["Microsoft.SystemCenter.SdkEventProvider"] = EventData.SystemTypeName,
            ["Microsoft.SystemCenter.SdkPerformanceDataProvider"] = "System.Performance.Data",
        });
        foreach (var (id, output) in sources)
        {
            ((InsertedDataSource)Create(id, "<DataSource />")).ItemTypeName.Should().Be(output);
            ModuleCatalog.Default.Find(id)!.Shareable(new ModuleConfiguration(new XElement("DataSource"), "w", "DS")).Should().BeTrue();
        }
    }
}
