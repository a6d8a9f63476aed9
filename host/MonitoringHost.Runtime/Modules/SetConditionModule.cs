using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules;

/// <summary>
/// A condition detection that judges a set of items as a whole (<c>System.LogicalSet.ExpressionFilter</c>). The host
/// hands it every set a module emitted (<see cref="IModuleOutput.EmitSet"/>) in one piece, an empty set included,
/// where an ordinary module gets the set's items one by one. An item delivered on its own is a set of one.
/// </summary>
public abstract class SetConditionModule : ModuleInstance
{
    /// <summary>The set to pass on in one delivery, or null to end the processing of <paramref name="input"/> here.</summary>
    public abstract DataItemSet? Evaluate(DataItemSet input);

    public sealed override ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (Evaluate(DataItemSet.Of(input)) is { } result)
        {
            output.EmitSet(result);
        }

        return ValueTask.CompletedTask;
    }
}
