namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary>
/// <c>SimpleExpression</c>: two values compared as the property's type (numbers numerically, dates as dates, text
/// case-insensitively unless the property is case-sensitive). A missing value makes the comparison false, as SQL's
/// NULL does in the product's group calculation.
/// </summary>
public sealed record ComparisonExpression(ValueOperand Left, ComparisonOperator Operator, ValueOperand Right) : GroupExpression;
