using System.Collections.Concurrent;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules;

/// <summary>The next module of a workflow, as far as a module can tell: keeps every item and every set emitted, in order.</summary>
internal sealed class RecordingOutput : IModuleOutput
{
    private readonly ConcurrentQueue<DataItem> _items = new();
    private readonly ConcurrentQueue<DataItemSet> _sets = new();

    /// <summary>The items emitted on their own.</summary>
    public IReadOnlyList<DataItem> Items => [.. _items];

    /// <summary>The sets emitted.</summary>
    public IReadOnlyList<DataItemSet> Sets => [.. _sets];

    public void Emit(DataItem item) => _items.Enqueue(item);

    public void EmitSet(DataItemSet set) => _sets.Enqueue(set);
}
