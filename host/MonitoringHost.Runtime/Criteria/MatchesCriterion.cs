namespace MonitoringHost.Runtime.Criteria;

/// <summary><c>Field MATCHES 'regex'</c>: a .NET regular expression found anywhere in the field's text.</summary>
public sealed record MatchesCriterion(FieldReference Field, CriteriaLiteral Pattern) : CriteriaNode(Field.Position);
