using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Expressions;

namespace MonitoringHost.Runtime.Modules.Conditions;

/// <summary>
/// <c>System.LogicalSet.ExpressionFilter</c>: judges a whole set of items (a batch: one per counter instance, one per
/// property bag) with the expression language of <c>System.ExpressionFilter</c>, and either passes the set on whole
/// and unchanged or ends it here. With <c>SetEvaluation</c> All every item must match, with Any at least one; a set
/// with no item passes with <c>EmptySet</c> Passthrough and ends with Block, whatever SetEvaluation says. A passing
/// set goes on whole, the items that did not match included: the module changes nothing in what flows through it and
/// Passthrough "passes the set on to the next module" (SCOM's module reference).
/// </summary>
public sealed class LogicalSetExpressionFilterModule(LogicalSetExpressionFilterConfiguration configuration) : SetConditionModule
{
    public LogicalSetExpressionFilterConfiguration Configuration { get; } = configuration;

    public override DataItemSet? Evaluate(DataItemSet input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Count == 0)
        {
            return Configuration.EmptySet == EmptySetAction.Passthrough ? input : null;
        }

        // All passes unless an item fails; Any fails unless an item matches: stop at the first item that decides.
        var all = Configuration.SetEvaluation == SetEvaluation.All;
        foreach (var item in input.Items)
        {
            if (Configuration.Expression.Evaluate(item) != all)
            {
                return all ? null : input;
            }
        }

        return all ? input : null;
    }
}

/// <summary>A logical set filter's configuration: the compiled expression, what an empty set does, which items must match.</summary>
public sealed record LogicalSetExpressionFilterConfiguration(ExpressionNode Expression, EmptySetAction EmptySet, SetEvaluation SetEvaluation)
{
    public static LogicalSetExpressionFilterConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var expression = ExpressionFilterConfiguration.ReadExpression(configuration);
        var emptySet = configuration.Required("EmptySet") switch
        {
            "Passthrough" => EmptySetAction.Passthrough,
            "Block" => EmptySetAction.Block,
            var other => throw configuration.Problem("EmptySet", $"'{other}' is not Passthrough or Block"),
        };
        var evaluation = configuration.Required("SetEvaluation") switch
        {
            "Any" => SetEvaluation.Any,
            "All" => SetEvaluation.All,
            var other => throw configuration.Problem("SetEvaluation", $"'{other}' is not Any or All"),
        };
        return new LogicalSetExpressionFilterConfiguration(expression, emptySet, evaluation);
    }
}

/// <summary>Makes <see cref="LogicalSetExpressionFilterModule"/>s.</summary>
public sealed class LogicalSetExpressionFilterFactory : NativeModuleFactory
{
    public override string TypeId => "System.LogicalSet.ExpressionFilter";

    /// <summary>The filter keeps no state: one serves every instance with its configuration.</summary>
    public override bool Shareable(ModuleConfiguration configuration) => true;

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new LogicalSetExpressionFilterModule(LogicalSetExpressionFilterConfiguration.Read(setup.Configuration));
    }
}
