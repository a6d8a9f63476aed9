namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary><c>UnaryExpression</c> with <c>IsNull</c> or <c>IsNotNull</c>: whether the object has the value at all.</summary>
public sealed record NullTestExpression(ValueOperand Value, bool IsNull) : GroupExpression;
