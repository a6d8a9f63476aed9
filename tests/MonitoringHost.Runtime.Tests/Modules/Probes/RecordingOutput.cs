using System.Collections.Concurrent;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules.Probes;

/// <summary>The next module of a workflow, as far as a probe can tell: it keeps every item emitted.</summary>
internal sealed class RecordingOutput : IModuleOutput
{
    public ConcurrentQueue<DataItem> Items { get; } = new();

    public void Emit(DataItem item) => Items.Enqueue(item);
}
