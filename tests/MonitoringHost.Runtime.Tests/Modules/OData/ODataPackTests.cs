using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Tests.Hosting;
using MonitoringHost.Storage;
using MonitoringHost.Tests.Shared.Orchestrator;

namespace MonitoringHost.Runtime.Tests.Modules.OData;

/// <summary>
/// A pack (Packs/Test.OData.xml) discovering runbooks with <c>MonitoringHost.Agentless.ODataFeedProvider</c> and
/// <c>System.Discovery.ClassSnapshotDataMapper</c>, in a workflow host over a real instance space, against the
/// Orchestrator web service double reached through the computer's name.
/// </summary>
public sealed class ODataPackTests
{
    [Fact]
    public async Task ADiscovery_FindsTheRunbooks_FollowsTheService_AndKeepsThemWhileItIsDown()
    {
        await using var service = await OrchestratorWebService.StartAsync();
        var restart = service.AddRunbook("Restart Service", "\\Operations\\Restart Service");
        var provision = service.AddRunbook("Provision VM", "\\Fabric\\Provision VM");
        service.AddRunbook("Monitor Service Health", "\\Operations\\Monitor Service Health", isMonitor: true);

        var folder = Path.Combine(Path.GetTempPath(), $"mh-odata-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var pack = Path.Combine(folder, "Test.OData.xml");
            var url = $"http://{ODataHarness.ComputerName}:{service.Port}{OrchestratorWebService.BasePath}";
            await File.WriteAllTextAsync(pack, (await File.ReadAllTextAsync(RuntimeTestModel.Pack("Test.OData.xml"))).Replace("{{ServiceUrl}}", url, StringComparison.Ordinal));
            var classes = RuntimeTestModel.Load(pack);
            await using var store = await InstanceStoreFactory.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DataFolder = folder }, CancellationToken.None);
            var time = new FakeTimeProvider(RuntimeHarness.Start);
            using var space = await InstanceSpace.OpenAsync(classes, store, time, CancellationToken.None);
            using var agentless = new AgentlessServices(time, await ODataHarness.RegistryAsync(Guid.NewGuid()));
            var sinks = new Probes.RecordingSinks();
            var discovery = new InstanceSpaceDiscoverySink(space);
            var services = new RuntimeServices { Time = time, Classes = classes, Alerts = sinks, Discovery = discovery, Collected = sinks, Agentless = agentless };
            await using var host = new WorkflowHost(space, new WorkflowCompiler(classes.Packs, ModuleCatalog.Default), services, new WorkflowResults(discovery));
            await host.StartAsync(CancellationToken.None);

            await space.ApplyAsync(
                DiscoveryData.Snapshot(DiscoverySource.Sdk("tests"), [new ObjectData("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = ODataHarness.ComputerName })]),
                CancellationToken.None);
            await AdvanceAsync(host, time, TimeSpan.FromSeconds(1));

            IEnumerable<(string?, string?, string?)> Runbooks() => space.OfClass("Test.OData.Runbook").Select(r => (r["Id"], r["Name"], r["Path"]));
            Runbooks().Should().BeEquivalentTo([
                (restart.ToString("D"), "Restart Service", "\\Operations\\Restart Service"),
                (provision.ToString("D"), "Provision VM", "\\Fabric\\Provision VM")]);
            host.Problems.Should().BeEmpty();

            // The next run is one snapshot of what the service has then.
            service.RemoveRunbook(provision);
            var added = service.AddRunbook("Patch Hosts", "\\Fabric\\Patch Hosts");
            await AdvanceAsync(host, time, TimeSpan.FromSeconds(300));
            Runbooks().Select(r => r.Item2).Should().BeEquivalentTo(["Restart Service", "Patch Hosts"]);
            Runbooks().Should().Contain((added.ToString("D"), "Patch Hosts", "\\Fabric\\Patch Hosts"));

            // A failed read emits nothing: the runbooks stay, and the instance says why.
            service.Stop();
            await AdvanceAsync(host, time, TimeSpan.FromSeconds(300));
            Runbooks().Should().HaveCount(2);
            var computer = space.OfClass("Microsoft.Windows.Computer").Single().Id;
            host.InstancesOf(computer).Single(i => i.Workflow.Element.Id == "Test.OData.Runbooks.Discovery").LastError
                .Should().Be($"ODataFeedException: {url}Runbooks?$filter=IsMonitor%20eq%20false&$skip=0&$top=50&$inlinecount=allpages: answered 503 Service Unavailable: the web service is not running (its IIS application pool or site is stopped)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task AdvanceAsync(WorkflowHost host, FakeTimeProvider time, TimeSpan by)
    {
        for (var step = TimeSpan.Zero; step < by; step += TimeSpan.FromSeconds(1))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await host.WhenIdleAsync();
        }
    }
}
