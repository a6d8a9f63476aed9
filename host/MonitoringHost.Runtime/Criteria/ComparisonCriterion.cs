namespace MonitoringHost.Runtime.Criteria;

/// <summary><c>Field op Value</c>; false when the field has no value.</summary>
public sealed record ComparisonCriterion(FieldReference Field, CriteriaOperator Operator, CriteriaLiteral Value) : CriteriaNode(Field.Position);
