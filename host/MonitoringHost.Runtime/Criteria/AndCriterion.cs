namespace MonitoringHost.Runtime.Criteria;

/// <summary><c>Left AND Right</c>.</summary>
public sealed record AndCriterion(CriteriaNode Left, CriteriaNode Right) : CriteriaNode(Left.Position);
