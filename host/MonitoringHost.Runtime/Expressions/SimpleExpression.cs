using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary>
/// <c>SimpleExpression</c>: two values compared as strings (ordinal, ignoring case unless <c>CaseSensitive</c>) or
/// cast to their kinds. A side that selects nothing or does not cast makes the comparison false, whatever the operator.
/// </summary>
internal sealed class SimpleExpression : ExpressionNode
{
    private readonly StringComparison _comparison;

    public SimpleExpression(ValueOperand left, ComparisonOperator op, ValueOperand right, bool caseSensitive)
    {
        Left = left;
        Operator = op;
        Right = right;
        CaseSensitive = caseSensitive;
        _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
    }

    public ValueOperand Left { get; }

    public ComparisonOperator Operator { get; }

    public ValueOperand Right { get; }

    public bool CaseSensitive { get; }

    public override bool Evaluate(DataItem item)
    {
        int order;
        if (Left.Kind == ValueKind.String && Right.Kind == ValueKind.String)
        {
            if (Left.Text(item) is not { } left || Right.Text(item) is not { } right)
            {
                return false;
            }

            order = string.Compare(left, right, _comparison);
        }
        else if (!Left.TryRead(item, out var left) || !Right.TryRead(item, out var right) || !TypedValue.TryCompare(left, right, out order))
        {
            return false;
        }

        return Operator switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.Greater => order > 0,
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.GreaterEqual => order >= 0,
            _ => order <= 0,
        };
    }

    public override string ToString() => $"{Left} {Operator} {Right}";
}
