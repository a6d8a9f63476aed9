using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Commands;

namespace MonitoringHost.Runtime.Tests.Modules.Commands;

public sealed class PassThroughProbeTests
{
    [Fact]
    public async Task RunAsync_AnyInput_EmitsThatSameItem()
    {
        var module = CommandSetup.Create(PassThroughProbeFactory.Id, """<ProbeAction ID="PassThrough" TypeID="System!System.PassThroughProbe" />""");
        var input = new PropertyBagData(DateTimeOffset.UnixEpoch, [new("Status", "OK")]);

        var items = await CommandSetup.RunAsync(module, input);

        items.Should().ContainSingle().Which.Should().BeSameAs(input);
    }
}
