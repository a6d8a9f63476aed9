namespace MonitoringHost.Runtime.Criteria;

/// <summary><c>NOT Operand</c>.</summary>
public sealed record NotCriterion(CriteriaNode Operand, int Position) : CriteriaNode(Position);
