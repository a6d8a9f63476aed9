namespace MonitoringHost.Runtime.Criteria;

/// <summary><c>Left OR Right</c>.</summary>
public sealed record OrCriterion(CriteriaNode Left, CriteriaNode Right) : CriteriaNode(Left.Position);
