namespace MonitoringHost.Runtime.Criteria;

/// <summary><c>Field LIKE 'pattern'</c> (<c>%</c> any run, <c>_</c> one character, <c>[a-c]</c>/<c>[^a-c]</c> sets; case-insensitive, whole text).</summary>
public sealed record LikeCriterion(FieldReference Field, CriteriaLiteral Pattern) : CriteriaNode(Field.Position);
