using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules;

internal sealed class RecordingOutput : IModuleOutput
{
    public List<DataItem> Items { get; } = [];

    public void Emit(DataItem item) => Items.Add(item);
}
