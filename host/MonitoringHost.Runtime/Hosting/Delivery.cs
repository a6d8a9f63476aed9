using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Hosting;

/// <summary>
/// What one module hands the next in one go: an item on its own (by far the most common, and kept as cheap as a
/// reference) or a set of items (<see cref="IModuleOutput.EmitSet"/>), which may be empty.
/// </summary>
internal readonly struct Delivery
{
    private Delivery(DataItem? item, DataItemSet? set)
    {
        Item = item;
        Set = set;
    }

    /// <summary>The item, when the delivery is one item on its own.</summary>
    public DataItem? Item { get; }

    /// <summary>The set, when the delivery is a set.</summary>
    public DataItemSet? Set { get; }

    /// <summary>
    /// The item a monitor state change is put down to: the item, or a set's first; an empty set that reaches a state
    /// (a filter let it through) carries nothing but its time.
    /// </summary>
    public DataItem Cause => Item ?? Set!.Cause;

    public static Delivery Of(DataItem item) => new(item, null);

    public static Delivery Of(DataItemSet set) => new(null, set);

    /// <summary>
    /// Runs <paramref name="module"/> on this delivery, its output going to <paramref name="output"/>. An item goes to
    /// the module as it is. A set goes whole to a <see cref="SetConditionModule"/>; any other module is run on each of
    /// its items, and all it outputs for them is delivered on as one set. An empty set passes such a module unchanged
    /// (there is nothing to run it on), so that it reaches the set-aware modules after it; a set of which the module
    /// keeps nothing ends there, as an item it keeps nothing of does.
    /// </summary>
    public ValueTask RunAsync(ModuleInstance module, IModuleOutput output, CancellationToken cancellationToken) =>
        Item is { } item ? module.RunAsync(item, output, cancellationToken) : RunOnSetAsync(module, Set!, output, cancellationToken);

    /// <summary>Adds the items of this delivery to a workflow's output.</summary>
    public void AddTo(List<DataItem> outputs)
    {
        if (Item is { } item)
        {
            outputs.Add(item);
        }
        else
        {
            outputs.AddRange(Set!.Items);
        }
    }

    private static async ValueTask RunOnSetAsync(ModuleInstance module, DataItemSet set, IModuleOutput output, CancellationToken cancellationToken)
    {
        if (module is SetConditionModule judge)
        {
            if (judge.Evaluate(set) is { } passed)
            {
                output.EmitSet(passed);
            }

            return;
        }

        if (set.Count == 0)
        {
            output.EmitSet(set);
            return;
        }

        var each = new DeliveryCollector();
        foreach (var item in set.Items)
        {
            await module.RunAsync(item, each, cancellationToken).ConfigureAwait(false);
        }

        if (each.Count > 0)
        {
            output.EmitSet(each.ToSet(set.Time));
        }
    }
}
