using System.Collections.Immutable;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary><c>Or</c>: true when any child is; stops at the first true one.</summary>
internal sealed class OrExpression(ImmutableArray<ExpressionNode> children) : ExpressionNode
{
    public ImmutableArray<ExpressionNode> Children { get; } = children;

    public override bool Evaluate(DataItem item)
    {
        foreach (var child in Children)
        {
            if (child.Evaluate(item))
            {
                return true;
            }
        }

        return false;
    }
}
