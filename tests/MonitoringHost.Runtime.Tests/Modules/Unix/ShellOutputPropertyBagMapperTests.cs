using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Unix;
using MonitoringHost.Runtime.Tests.Modules.Probes;

namespace MonitoringHost.Runtime.Tests.Modules.Unix;

public sealed class ShellOutputPropertyBagMapperTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 30, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Key_value_lines_and_the_outputs_become_a_property_bag()
    {
        var item = ScxOutput.Create(Time, 0, "Kernel=Linux\nHostName = node1 \nnot a pair\nVersion=1=2\n", "warning\n");

        var bag = (PropertyBagData)ShellOutputPropertyBagMapper.Instance.Evaluate(item)!;

        bag.Values.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["Kernel"] = "Linux",
            ["HostName"] = "node1",
            ["Version"] = "1=2",
            ["StdOut"] = "Kernel=Linux\nHostName = node1 \nnot a pair\nVersion=1=2\n",
            ["StdErr"] = "warning\n",
            ["ReturnCode"] = "0",
        });
        bag.Time.Should().Be(Time);
    }

    [Fact]
    public void Command_output_gives_its_exit_code_as_the_return_code()
    {
        var bag = (PropertyBagData)ShellOutputPropertyBagMapper.Instance.Evaluate(new CommandOutputData(Time, "State=Running\n", "", 3))!;

        (bag["State"], bag["ReturnCode"], bag["StdErr"]).Should().Be(("Running", "3", ""));
    }

    [Fact]
    public void An_item_without_output_passes_nothing_on() =>
        ShellOutputPropertyBagMapper.Instance.Evaluate(new TriggerData(Time)).Should().BeNull();

    [Fact]
    public void The_library_declares_it_and_the_provider_composes_it_with_the_invoke_probe()
    {
        ModuleCatalog.Default.Find(ShellOutputPropertyBagMapperFactory.Id).Should().NotBeNull();
        var pack = ProbeSetup.LibraryPacks.Single(p => p.Id == "MonitoringHost.Agentless.Library");
        pack.ElementsOf<ModuleType>().Single(m => m.Id == ShellOutputPropertyBagMapperFactory.Id).Implementation.Should().BeOfType<NativeImplementation>();
        pack.ElementsOf<ModuleType>().Single(m => m.Id == "MonitoringHost.Agentless.ShellCommandPropertyBagProvider").Implementation.Should().BeOfType<CompositeImplementation>();
    }
}
