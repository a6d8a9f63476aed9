namespace MonitoringHost.Runtime.Expressions;

/// <summary>The <c>Operator</c> of a <c>SimpleExpression</c>.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterEqual,
    LessEqual,
}
