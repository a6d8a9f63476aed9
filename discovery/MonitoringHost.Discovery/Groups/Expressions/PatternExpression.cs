using System.Text.RegularExpressions;

namespace MonitoringHost.Discovery.Groups.Expressions;

/// <summary>
/// <c>RegExExpression</c> (and Like/NotLike): the value tested against <see cref="Pattern"/>. Regular expressions are
/// case-sensitive, as the product's <c>fn_MatchesRegularExpression</c> is; wildcards (<c>* ? # [..]</c>), substrings
/// and Like patterns compare case-insensitively, as SQL's default collation does. <see cref="Matcher"/> is the pattern
/// compiled once when the pack is read. A missing value matches no operator, the negated ones included.
/// </summary>
public sealed record PatternExpression(ValueOperand Value, PatternOperator Operator, string Pattern, Regex Matcher) : GroupExpression
{
    public bool Negated => Operator is PatternOperator.DoesNotMatchWildcard or PatternOperator.DoesNotContainSubstring
        or PatternOperator.DoesNotMatchRegularExpression or PatternOperator.NotLike;
}
