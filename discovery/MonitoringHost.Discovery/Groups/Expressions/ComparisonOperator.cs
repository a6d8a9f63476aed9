namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary>The operators of a <c>SimpleExpression</c> (Like and NotLike become a <see cref="PatternExpression"/>).</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterEqual,
    LessEqual,
}
