namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary>The operators of a <c>RegExExpression</c>, plus a <c>SimpleExpression</c>'s Like and NotLike.</summary>
public enum PatternOperator
{
    MatchesWildcard,
    ContainsSubstring,
    MatchesRegularExpression,
    DoesNotMatchWildcard,
    DoesNotContainSubstring,
    DoesNotMatchRegularExpression,
    Like,
    NotLike,
}
