namespace MonitoringHost.Runtime.Criteria;

/// <summary>What a token of a criteria is. Keywords (AND, LIKE, NULL…) are words; the parser tells them apart.</summary>
public enum CriteriaTokenKind
{
    Word,
    String,
    Number,
    Operator,
    OpenParenthesis,
    CloseParenthesis,
    End,
}
