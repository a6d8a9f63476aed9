using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Probes;

namespace MonitoringHost.Runtime.Tests.Modules.Probes;

public sealed class ProbeCatalogTests
{
    [Theory]
    [InlineData(TcpPortCheckProbeFactory.Id, "Microsoft.SystemCenter.SyntheticTransactions.Library", "Microsoft.SystemCenter.SyntheticTransactions.TCPPortCheckData")]
    [InlineData(HttpRequestProbeFactory.Id, "MonitoringHost.Agentless.Library", "MonitoringHost.Agentless.HttpResponseData")]
    [InlineData(IcmpPingProbeFactory.Id, "MonitoringHost.Agentless.Library", "MonitoringHost.Agentless.IcmpPingData")]
    [InlineData(MonitoringHost.Runtime.Modules.OData.ODataFeedProbe.Factory.Id, "MonitoringHost.Agentless.Library", "System.PropertyBagData")]
    public void DefaultCatalog_ImplementsTheLibrarysNativeProbe(string typeId, string packId, string outputType)
    {
        ModuleCatalog.Default.Find(typeId).Should().NotBeNull();
        var pack = ProbeSetup.LibraryPacks.Single(p => p.Id == packId);
        var module = pack.ElementsOf<ModuleType>().Single(m => m.Id == typeId);
        module.Implementation.Should().BeOfType<NativeImplementation>();
        module.OutputType.Should().EndWith(outputType);
        module.TriggerOnly.Should().BeTrue();
    }
}
