using System.Collections.Immutable;

namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary><c>Or</c>: true when any operand is.</summary>
public sealed record OrExpression(ImmutableArray<GroupExpression> Operands) : GroupExpression;
