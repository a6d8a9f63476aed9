namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary><c>Not</c> (borrowed from the filter dialect; accepted where packs use it).</summary>
public sealed record NotExpression(GroupExpression Operand) : GroupExpression;
