using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Tests.Hosting;

namespace MonitoringHost.Runtime.Tests.Compilation;

public sealed class WorkflowCompilerTests
{
    private static readonly ModuleCatalog Catalog = ModuleCatalog.Default.With(new RecordFactory(new()));

    private static CompiledWorkflow Compile(string ruleId)
    {
        var pack = RuntimeTestModel.Classes.Packs["Test.Runtime"]!;
        return new WorkflowCompiler(RuntimeTestModel.Classes.Packs, Catalog).Compile(pack, pack.Elements.OfType<ManagementPacks.Model.Workflow>().Single(w => w.Id == ruleId));
    }

    [Fact]
    public void Compile_NestedComposites_ExpandToNativeModules_WithTheirConfigurationSubstituted()
    {
        var workflow = Compile("Test.Runtime.Computer.Heartbeat");

        workflow.Unsupported.Should().BeNull();
        workflow.Kind.Should().Be(WorkflowKind.Rule);
        workflow.Modules.Select(m => (m.Path, m.Type.Key)).Should().Equal(
            ("DS/Timer/Scheduler", "System.Library!System.Scheduler"),
            ("WA", "Test.Runtime!Test.Runtime.Record"));
        var interval = workflow.Modules[0].Configuration.Descendants().Single(e => e.Name.LocalName == "Interval");
        (interval.Value, (string?)interval.Attribute("Unit")).Should().Be(("60", "Seconds"), "the rule's 60 reaches System.Scheduler through two composites");
        workflow.Modules[0].IsSource.Should().BeTrue();
        workflow.Modules[0].Next.Should().Equal(1);
        workflow.Modules[1].Exit.Should().Be(new WorkflowExit(WorkflowExitKind.Output));
        workflow.Modules[1].BindsTarget.Should().BeTrue();
        workflow.Modules[1].Configuration.Value.Should().Be($"$Target/Property[Type=\"Windows!Microsoft.Windows.Computer\"]/PrincipalName$|{workflow.Guid:D}|$Target/ManagementGroup/Name$");
    }

    [Fact]
    public void Compile_AModuleTypeTheHostLacks_MakesTheWorkflowUnsupported_WithOneMessage()
    {
        var workflow = Compile("Test.Runtime.Computer.Unsupported");

        workflow.Unsupported.Should().Be("unsupported module type Test.Runtime!Test.Runtime.NotImplemented in workflow Test.Runtime!Test.Runtime.Computer.Unsupported");
        workflow.Modules.Should().BeEmpty();
    }
}
