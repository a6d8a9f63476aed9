namespace MonitoringHost.Runtime.Expressions;

/// <summary>The <c>Operator</c> of a <c>RegExExpression</c>.</summary>
public enum PatternOperator
{
    MatchesWildcard,
    ContainsSubstring,
    MatchesRegularExpression,
    DoesNotMatchWildcard,
    DoesNotContainSubstring,
    DoesNotMatchRegularExpression,
}
