using System.Collections.Immutable;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary><c>And</c>: true when every child is; stops at the first false one.</summary>
internal sealed class AndExpression(ImmutableArray<ExpressionNode> children) : ExpressionNode
{
    public ImmutableArray<ExpressionNode> Children { get; } = children;

    public override bool Evaluate(DataItem item)
    {
        foreach (var child in Children)
        {
            if (!child.Evaluate(item))
            {
                return false;
            }
        }

        return true;
    }
}
