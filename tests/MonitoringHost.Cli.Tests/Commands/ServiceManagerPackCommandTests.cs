using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Cli.Tests.Commands;

/// <summary>
/// The Service Manager pack through <c>mh</c>: <c>mh mp validate packs/servicemanager</c> against the shipped
/// libraries, and <c>mh workflows effective</c> on a management server it discovered.
/// </summary>
public sealed class ServiceManagerPackCommandTests : IDisposable
{
    private static readonly string PackFile = Path.Combine(RepositoryPaths.Root, "packs", "servicemanager", "MonitoringHost.ServiceManager.xml");
    private readonly string _folder = Directory.CreateTempSubdirectory("mh-cli-sm-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ServiceManagerPack_HasNoErrorsAndNoWarnings()
    {
        var (exitCode, output, error) = Mh.Run("mp", "validate", Path.GetDirectoryName(PackFile)!);

        exitCode.Should().Be(0, output + error);
        output.TrimEnd().Split('\n').Last().Should().Be("1 pack(s), 2 class(es), 8 workflow(s): 0 error(s), 0 warning(s)");
    }

    [Fact]
    public async Task Effective_OnAManagementServer_ShowsTheLocalAgentRuleAsNotRun()
    {
        var classes = new ClassCatalog(PackSetLoader.Load([PackFile], ShippedLibraries.Read(RepositoryPaths.Libraries).Packs).Packs);
        var store = await InstanceStoreFactory.OpenAsync(new StoreOptions { DataFolder = _folder }, CancellationToken.None);
        await using (store)
        {
            using var space = await InstanceSpace.OpenAsync(classes, store, TimeProvider.System, CancellationToken.None);
            var computer = new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = "scsm01.contoso.com" });
            await space.ApplyAsync(
                DiscoveryData.Snapshot(DiscoverySource.Sdk("tests"), [computer, new ObjectData("MonitoringHost.ServiceManager.ManagementServer", new Dictionary<string, string?> { ["DisplayName"] = "SCSM01 management server" }, computer)]),
                CancellationToken.None);
        }

        var (exitCode, output, error) = Mh.Run("workflows", "effective", "SCSM01 management server", PackFile, "--data", _folder);

        (exitCode, error).Should().Be((0, ""));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().Contain("MonitoringHost.ServiceManager!MonitoringHost.ServiceManager.WorkflowEvents.LocalCollection: does not run: not remotable: it runs only where an agent is, and this object is on an agentless-managed computer");
        lines.Where(l => l.StartsWith("MonitoringHost.ServiceManager!", StringComparison.Ordinal) && l.EndsWith(": runs", StringComparison.Ordinal)).Should().HaveCount(5);
    }
}
