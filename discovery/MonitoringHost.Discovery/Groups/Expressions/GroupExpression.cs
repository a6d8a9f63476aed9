namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary>
/// A node of the group calculation expression dialect (<c>Microsoft.SystemCenter.GroupPopulationSchema</c>), which
/// differs from the filter dialect of <c>System.ExpressionFilter</c>: values are object properties, not XPath.
/// </summary>
public abstract record GroupExpression;
