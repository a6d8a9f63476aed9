using System.Xml.Linq;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Tests.Shared;
using static MonitoringHost.Runtime.Tests.Modules.Performance.ModuleHarness;

namespace MonitoringHost.Runtime.Tests.Modules.Performance;

public sealed class CollectWriteActionTests
{
    [Theory]
    [InlineData("Microsoft.SystemCenter.CollectPerformanceData")]
    [InlineData("Microsoft.SystemCenter.CollectEvent")]
    public async Task RunAsync_HandsTheItemWithWorkflowAndTargetToTheSink_AndEmitsNothing(string typeId)
    {
        var sink = new RecordingCollectedDataSink();
        var module = Create(typeId, "<WriteAction />", Services(sink));
        var item = Samples("_Total", 12.5).Single();
        var output = new RecordingOutput();

        await module.RunAsync(item, output, CancellationToken.None);

        sink.Collected.Should().ContainSingle().Which.Should().Be((WorkflowId, Target.Id, (DataItem)item));
        output.Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Microsoft.SystemCenter.DataWarehouse.PublishPerformanceData")]
    [InlineData("Microsoft.SystemCenter.DataWarehouse.PublishEventData")]
    [InlineData("Microsoft.SystemCenter.DataWarehouse.PublishPropertyBagData")]
    public async Task RunAsync_WarehousePublisher_AcceptsTheItemAndCollectsNothing(string typeId)
    {
        var sink = new RecordingCollectedDataSink();
        var module = Create(typeId, "<WriteAction />", Services(sink));
        var output = new RecordingOutput();

        await module.RunAsync(Samples("_Total", 1).Single(), output, CancellationToken.None);

        sink.Collected.Should().BeEmpty();
        output.Items.Should().BeEmpty();
    }

    [Fact]
    public void Catalog_EveryWriteActionOfTheShippedWarehouseLibrary_HasANativeModule()
    {
        var library = XDocument.Load(Path.Combine(RepositoryPaths.Libraries, "Microsoft.SystemCenter.DataWarehouse.Library.xml"));
        var ids = library.Descendants("WriteActionModuleType").Select(e => (string)e.Attribute("ID")!).ToList();

        ids.Should().NotBeEmpty();
        ids.Should().OnlyContain(id => ModuleCatalog.Default.Find(id) != null);
    }

    [Fact]
    public void Catalog_ShippedPerformanceLibraryModulesThisFolderImplements_AreFoundByTheirIds()
    {
        var library = XDocument.Load(Path.Combine(RepositoryPaths.Libraries, "System.Performance.Library.xml"));
        var conditions = library.Descendants("ConditionDetectionModuleType").Select(e => (string)e.Attribute("ID")!).ToList();

        conditions.Should().BeEquivalentTo("System.Performance.DataGenericMapper", "System.Performance.ConsecutiveSamplesCondition");
        conditions.Should().OnlyContain(id => ModuleCatalog.Default.Find(id) != null);
    }
}
