namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// One problem of a criteria: the 1-based character position it starts at, a code (<c>syntax</c>, <c>unknown-field</c>,
/// <c>type</c>, <c>operator</c>, <c>pattern</c>), a message saying what is wrong and what was expected, and the field
/// it concerns, if any.
/// </summary>
public sealed record CriteriaProblem(int Position, string Code, string Message, string? Field = null);
