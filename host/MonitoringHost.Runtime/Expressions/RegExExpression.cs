using System.Text.RegularExpressions;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary>
/// <c>RegExExpression</c>: the text of a value against a <c>Pattern</c>. Matching is case-sensitive for every operator,
/// as Operations Manager documents for expression filters; a regular expression can still say <c>(?i)</c>. A value
/// that selects nothing makes the expression false, the negated operators included.
/// </summary>
internal sealed class RegExExpression : ExpressionNode
{
    private readonly Regex? _regex;

    public RegExExpression(ValueOperand value, PatternOperator op, string pattern, Regex? regex)
    {
        Value = value;
        Operator = op;
        Pattern = pattern;
        _regex = regex;
    }

    public ValueOperand Value { get; }

    public PatternOperator Operator { get; }

    public string Pattern { get; }

    public override bool Evaluate(DataItem item)
    {
        if (Value.Text(item) is not { } text)
        {
            return false;
        }

        return Operator switch
        {
            PatternOperator.ContainsSubstring => text.Contains(Pattern, StringComparison.Ordinal),
            PatternOperator.DoesNotContainSubstring => !text.Contains(Pattern, StringComparison.Ordinal),
            PatternOperator.MatchesWildcard or PatternOperator.MatchesRegularExpression => _regex!.IsMatch(text),
            _ => !_regex!.IsMatch(text),
        };
    }

    public override string ToString() => $"{Value} {Operator} '{Pattern}'";
}
