using System.Text.RegularExpressions;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.ManagementPacks.Tests.Corpus;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Tests.Hosting;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Runtime.Tests.Corpus;

/// <summary>
/// Every workflow of the corpus packs compiles: it runs here, is handled by the group calculator, or names a module
/// type the host does not implement, each of which is listed below with why. The listing is exact, so a module
/// added to the host (or a pack that stops compiling) shows up as a changed expectation.
/// </summary>
public sealed partial class CorpusCompilationTests
{
    /// <summary>Modules that read the monitored computer from the inside (an agent's job in SCOM): not on this host.</summary>
    private static readonly HashSet<string> WindowsLocal =
    [
        "Microsoft.Windows.Library!Microsoft.Windows.EventProvider",
        "Microsoft.Windows.Library!Microsoft.Windows.RegistryProvider",
        "Microsoft.Windows.Library!Microsoft.Windows.PowerShellDiscoveryProbe",
        "Microsoft.Windows.Library!Microsoft.Windows.PowerShellPropertyBagTriggerOnlyProbe",
        "Microsoft.Windows.Library!Microsoft.Windows.PowerShellPropertyBagProbe",
        "Microsoft.Windows.Library!Microsoft.Windows.PowerShellWriteAction",
        "Microsoft.Windows.Library!Microsoft.Windows.ScriptPropertyBagProbe",
        "Microsoft.Windows.Library!Microsoft.Windows.ScriptDiscoveryProbe",
        "System.Library!System.ProcessInformationProvider",
        "System.ApplicationLog.Library!System.ApplicationLog.GenericLogReader.Internal",
        "System.Performance.Library!System.Performance.DataProvider",
        "System.Performance.Library!System.Performance.OptimizedDataProvider",
    ];

    /// <summary>Remote protocols the agentless probes of a later stage bring: none left (CIM over WS-Man, SNMP and UNIX over SSH run).</summary>
    private static readonly HashSet<string> RemoteProtocolsToCome =
    [
    ];

    [GeneratedRegex("^unsupported module type (?<type>\\S+) in workflow (?<workflow>\\S+)$")]
    private static partial Regex UnsupportedMessage();

    [SkippableFact]
    public void FullPacks_EveryWorkflowCompiles_AndOnlyWindowsLocalModulesAreMissing()
    {
        var libraries = ShippedLibraries.Read(RepositoryPaths.Libraries);
        var result = PackSetLoader.Load([Path.Combine(RepositoryPaths.RequireCorpus(), "full")], libraries.Packs);
        var own = result.Packs.Packs.Where(p => libraries.Packs.All(l => l.Id != p.Id)).Select(p => p.Id).ToHashSet();

        var outcome = new WorkflowCompiler(result.Packs, ModuleCatalog.Default).CompileAll()
            .Where(w => own.Contains(w.PackId))
            .ToDictionary(w => w.Id, Outcome);

        outcome.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["Demo.CollectConsolidatedEvent!Demo.CollectConsolidatedEvent.Event999.Rule"] = "Microsoft.Windows.Library!Microsoft.Windows.EventProvider",
            ["DiagnosticsAndRecoveries!F12.HR.AppServer.Discovery"] = "Microsoft.Windows.Library!Microsoft.Windows.RegistryProvider",
            ["DiagnosticsAndRecoveries!F12.HR.Monitor.NTEvent.2State.380"] = "Microsoft.Windows.Library!Microsoft.Windows.EventProvider",
            ["DiagnosticsAndRecoveries!F12.HR.Monitor.NTEvent.2State.880"] = "Microsoft.Windows.Library!Microsoft.Windows.EventProvider",
            ["DiagnosticsAndRecoveries!F12.HR.Monitor.NTEvent.2State.980"] = "Microsoft.Windows.Library!Microsoft.Windows.EventProvider",
            ["F12.FTPMonitoring!F12.FTPMonitoring.AppServer.Discovery"] = "Microsoft.Windows.Library!Microsoft.Windows.RegistryProvider",
            ["F12.FTPMonitoring!F12.FTPMonitoring.Monitor.Unit.CheckFTPPath"] = "Microsoft.Windows.Library!Microsoft.Windows.PowerShellPropertyBagTriggerOnlyProbe",
            ["OpsMgr.GenericServiceMonitoring!OpsMgr.GenericServiceMonitoring.OpsMgr.GenericServiceMonitoring.Discoveries.GetServicesToMonitor.Discovery"] = "Microsoft.Windows.Library!Microsoft.Windows.PowerShellDiscoveryProbe",
            ["OpsMgr.GenericServiceMonitoring!OpsMgr.GenericServiceMonitoring.OpsMgr.GenericServiceMonitoring.Rules.NotFoundServices.Rule"] = "Microsoft.Windows.Library!Microsoft.Windows.EventProvider",
            ["OpsMgr.GenericServiceMonitoring!OpsMgr.GenericServiceMonitoring.OpsMgr.GenericServiceMonitoring.Monitors.ServiceWatcher.UnitMonitor"] = "runs",
            ["SCOM.Management!SCOM.Management.Agent.Class.Discovery"] = "Microsoft.Windows.Library!Microsoft.Windows.RegistryProvider",
            ["SCOM.Management!SCOM.Management.Agent.Class.PowerShell.Properties.Discovery"] = "Microsoft.Windows.Library!Microsoft.Windows.PowerShellDiscoveryProbe",
            ["SCOM.Management!SCOM.Management.Server.Class.Discovery"] = "Microsoft.Windows.Library!Microsoft.Windows.RegistryProvider",
            ["SCOM.Management!SCOM.Management.Server.Class.PowerShell.Properties.Discovery"] = "Microsoft.Windows.Library!Microsoft.Windows.PowerShellDiscoveryProbe",
            ["SCOM.Management!SCOM.Management.TestEvent100.Rule"] = "Microsoft.Windows.Library!Microsoft.Windows.EventProvider",
            ["SCOM.Management!SCOM.Management.EventLogSecurity.Monitor"] = "Microsoft.Windows.Library!Microsoft.Windows.RegistryProvider",
        });
        outcome.Values.Should().OnlyContain(type => type == "runs" || WindowsLocal.Contains(type) || RemoteProtocolsToCome.Contains(type));
    }

    [SkippableFact]
    public void Fragments_EveryWorkflowCompiles_ToAModuleGraph_OrNamesAListedMissingModule()
    {
        var libraries = ShippedLibraries.Read(RepositoryPaths.Libraries);
        var options = new ManagementPackReadOptions { TemplateValues = FragmentTemplateValues.Values };
        var outcomes = new List<(string File, string Workflow, string Outcome)>();
        var loaded = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.RequireCorpus(), "fragment-library"), "*.mpx").Order(StringComparer.Ordinal))
        {
            var result = PackSetLoader.Load([file], libraries.Packs, options, FragmentGrouping.EachFile);
            if (result.HasErrors)
            {
                continue; // the three fragments the pack tests list as unable to validate
            }

            loaded++;
            var own = result.Packs.Packs.Where(p => libraries.Packs.All(l => l.Id != p.Id)).Select(p => p.Id).ToHashSet();
            outcomes.AddRange(new WorkflowCompiler(result.Packs, ModuleCatalog.Default).CompileAll()
                .Where(w => own.Contains(w.PackId))
                .Select(w => (Path.GetFileName(file), w.Id, Outcome(w))));
        }

        loaded.Should().Be(112);
        outcomes.Select(o => o.File).Distinct().Should().HaveCount(97, "the other fragments define classes, groups or views only");
        outcomes.Where(o => o.Outcome == "runs").Select(o => o.File).Distinct().Should().BeEquivalentTo([
            "Class.And.Discovery.MultiRoleHostedByParentClass.mpx", "Class.And.Discovery.MultiRoleHostedByParentClass_Example.mpx",
            "Class.And.Discovery.SNMP.Device.byOID.mpx", "Class.And.Discovery.WMIQuery.ChooseBaseClass.mpx", "Class.And.Discovery.WMIQuery.FileExists.mpx",
            "Class.And.Discovery.WMIQuery.mpx", "Combo.Class.Discovery.ServiceMonitor.Recovery.ComputerWatcherGroup.Views.Folder.mpx",
            "Combo.Class.Discovery.ServiceMonitor.Recovery.mpx", "Combo.Class.Discovery.ServiceMonitor.Wildcard.WMIQuery.PSRecovery.mpx",
            "Combo.Class.Discovery.ServiceMonitor.Wildcard.WMIQuery.mpx", "Monitor.PortCheck.mpx", "Monitor.Service.NoAlert.mpx",
            "Monitor.Service.WithAlert.FreqAndSamples.IgnoreDisabled.PSRecovery.mpx", "Monitor.Service.WithAlert.FreqAndSamples.IgnoreDisabled.mpx",
            "Monitor.Service.WithAlert.mpx",
            "Monitor.SNMP.Poll.OIDValue.Integer.Performance.mpx", "Rule.AlertGenerating.SNMPTrap.AlertOnOID.mpx", "Rule.AlertGenerating.SNMPTrap.AlertOnOIDandVarbind.mpx",
            "Class.And.Discovery.Unix.FileExists.mpx", "Class.And.Discovery.Unix.ShellCommand.mpx", "Monitor.Unix.ShellCommand.mpx",
        ]);
        outcomes.Count(o => o.Outcome == "handled by the group calculator").Should().Be(7);
        outcomes.Where(o => o.Outcome.Contains('!', StringComparison.Ordinal)).GroupBy(o => o.Outcome).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["Microsoft.Windows.Library!Microsoft.Windows.EventProvider"] = 28,
            ["Microsoft.Windows.Library!Microsoft.Windows.RegistryProvider"] = 15,
            ["Microsoft.Windows.Library!Microsoft.Windows.PowerShellDiscoveryProbe"] = 17,
            ["Microsoft.Windows.Library!Microsoft.Windows.PowerShellPropertyBagTriggerOnlyProbe"] = 13,
            ["System.Performance.Library!System.Performance.DataProvider"] = 4,
            ["Microsoft.Windows.Library!Microsoft.Windows.PowerShellPropertyBagProbe"] = 4,
            ["Microsoft.Windows.Library!Microsoft.Windows.PowerShellWriteAction"] = 4,
            ["System.ApplicationLog.Library!System.ApplicationLog.GenericLogReader.Internal"] = 3,
            ["Microsoft.Windows.Library!Microsoft.Windows.ScriptPropertyBagProbe"] = 2,
            ["Microsoft.Windows.Library!Microsoft.Windows.ScriptDiscoveryProbe"] = 1,
            ["System.Library!System.ProcessInformationProvider"] = 1,
            ["System.Performance.Library!System.Performance.OptimizedDataProvider"] = 1,
        });
        outcomes.Where(o => o.Outcome.Contains('!', StringComparison.Ordinal)).Should().OnlyContain(o => WindowsLocal.Contains(o.Outcome) || RemoteProtocolsToCome.Contains(o.Outcome));
    }

    /// <summary>
    /// The one corpus workflow with <c>System.LogicalSet.ExpressionFilter</c> (two of them, on the set of all counter
    /// instances a read returns) is listed above under its Windows-local data source, the first module the compiler
    /// meets; with a data provider the host could run, the rest of it compiles.
    /// </summary>
    [SkippableFact]
    public void MultiInstancePerformanceFragment_LacksOnlyItsWindowsDataProvider()
    {
        var libraries = ShippedLibraries.Read(RepositoryPaths.Libraries);
        var fragment = Path.Combine(RepositoryPaths.RequireCorpus(), "fragment-library", "Monitor.Performance.MultiInstance.ConsecSamples.TwoState.mpx");
        var result = PackSetLoader.Load([fragment], libraries.Packs, new ManagementPackReadOptions { TemplateValues = FragmentTemplateValues.Values }, FragmentGrouping.EachFile);
        result.HasErrors.Should().BeFalse();
        CompiledWorkflow Monitor(ModuleCatalog catalog) =>
            new WorkflowCompiler(result.Packs, catalog).CompileAll().Single(w => w.Element.Id == "Contoso.App.Item1.Perf.Monitor");

        Outcome(Monitor(ModuleCatalog.Default)).Should().Be("System.Performance.Library!System.Performance.DataProvider");
        var withProvider = Monitor(ModuleCatalog.Default.With(new PerformanceDataProviderDouble()));

        Outcome(withProvider).Should().Be("runs");
        withProvider.Modules.Select(m => (m.Path, m.Type.Element.Id)).Should().Equal(
            ("DS", "System.Performance.DataProvider"),
            ("CDThreshold", "System.Performance.ConsecutiveSamplesCondition"),
            ("SampleCountNotReached", "System.LogicalSet.ExpressionFilter"),
            ("SampleCountReached", "System.LogicalSet.ExpressionFilter"));
    }

    /// <summary>"runs", "handled by …", or the missing module type named by the one unsupported message.</summary>
    private static string Outcome(CompiledWorkflow workflow)
    {
        if (workflow.HandledBy is { } handler)
        {
            return $"handled by {handler}";
        }

        if (workflow.Unsupported is null)
        {
            workflow.Modules.Should().NotBeEmpty();
            return "runs";
        }

        var match = UnsupportedMessage().Match(workflow.Unsupported);
        match.Success.Should().BeTrue(workflow.Unsupported);
        match.Groups["workflow"].Value.Should().Be(workflow.Id);
        return match.Groups["type"].Value;
    }
}
