using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary>
/// A compiled <c>Expression</c> (System.ExpressionEvaluatorSchema's <c>ExpressionType</c>): immutable, with its data
/// paths, typed constants and patterns prepared once, so one tree serves every item and every thread.
/// </summary>
public abstract class ExpressionNode
{
    /// <summary>Whether <paramref name="item"/> satisfies the expression.</summary>
    public abstract bool Evaluate(DataItem item);
}
