using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary><c>Not</c>: the opposite of its one child.</summary>
internal sealed class NotExpression(ExpressionNode child) : ExpressionNode
{
    public ExpressionNode Child { get; } = child;

    public override bool Evaluate(DataItem item) => !Child.Evaluate(item);
}
