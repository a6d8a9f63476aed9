namespace MonitoringHost.Runtime.Criteria;

/// <summary><c>Field IS NULL</c>, or <c>Field IS NOT NULL</c> when <see cref="Negated"/>.</summary>
public sealed record NullCriterion(FieldReference Field, bool Negated) : CriteriaNode(Field.Position);
