using System.Collections.Concurrent;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules;

/// <summary>Keeps every item a module emits, in order.</summary>
internal sealed class RecordingOutput : IModuleOutput
{
    private readonly ConcurrentQueue<DataItem> _items = new();

    public IReadOnlyList<DataItem> Items => [.. _items];

    public void Emit(DataItem item) => _items.Enqueue(item);
}
