using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules.Performance;

/// <summary>Keeps what a module emits.</summary>
internal sealed class RecordingOutput : IModuleOutput
{
    public List<DataItem> Emitted { get; } = [];

    public void Emit(DataItem item) => Emitted.Add(item);
}
