using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Hosting;

/// <summary>Collects what a module outputs in one run, in order: usually one delivery, kept without a list.</summary>
internal sealed class DeliveryCollector : IModuleOutput
{
    private Delivery _first;
    private List<Delivery>? _more;

    public int Count { get; private set; }

    public Delivery this[int index] => index == 0 ? _first : _more![index - 1];

    public void Emit(DataItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Add(Delivery.Of(item));
    }

    public void EmitSet(DataItemSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Add(Delivery.Of(set));
    }

    /// <summary>Everything collected as one set: items as they came, the items of sets in their place.</summary>
    public DataItemSet ToSet(DateTimeOffset time)
    {
        var items = new List<DataItem>();
        for (var i = 0; i < Count; i++)
        {
            this[i].AddTo(items);
        }

        return new DataItemSet(time, items);
    }

    private void Add(Delivery delivery)
    {
        if (Count == 0)
        {
            _first = delivery;
        }
        else
        {
            (_more ??= []).Add(delivery);
        }

        Count++;
    }
}
