using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules;

/// <summary>
/// One running native module of a workflow instance (or of several, when cookdown shares it). A probe, condition
/// detection or write action handles each input item and emits what it outputs; a data source is driven by the
/// scheduler (<see cref="SchedulerModule"/>). A module must not let one slow or failing input affect other
/// workflow instances: the host gives every run a timeout through <paramref name="cancellationToken"/>.
/// </summary>
public abstract class ModuleInstance
{
    /// <summary>Handles <paramref name="input"/>; every item the module outputs goes to <paramref name="output"/>.</summary>
    public abstract ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken);
}

/// <summary>Where a module's output items go (the next modules of the workflow).</summary>
public interface IModuleOutput
{
    /// <summary>One item, delivered on its own.</summary>
    void Emit(DataItem item);

    /// <summary>
    /// Several items in one delivery, possibly none: what a module found in one go (one sample per counter instance)
    /// and the modules after it must be able to judge together. Set-aware modules get the set whole, others its items.
    /// </summary>
    void EmitSet(DataItemSet set);
}

/// <summary>A condition detection that decides at once, on the calling thread: filters, mappers, thresholds.</summary>
public abstract class ConditionModule : ModuleInstance
{
    /// <summary>The item to pass on, or null to end the processing of <paramref name="input"/> here.</summary>
    public abstract DataItem? Evaluate(DataItem input);

    public sealed override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Evaluate(input) is { } result)
        {
            output.Emit(result);
        }

        return ValueTask.CompletedTask;
    }
}
