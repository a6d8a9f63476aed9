using System.Collections.Immutable;

namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary><c>And</c>: true when every operand is.</summary>
public sealed record AndExpression(ImmutableArray<GroupExpression> Operands) : GroupExpression;
