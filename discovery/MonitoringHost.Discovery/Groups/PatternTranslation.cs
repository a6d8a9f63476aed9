using System.Text;
using System.Text.RegularExpressions;
using MonitoringHost.Discovery.Groups.Expressions;

namespace MonitoringHost.Discovery.Groups;

/// <summary>
/// Turns the group dialect's patterns into .NET regular expressions. Wildcards follow the product's group
/// calculation (<c>*</c> any run, <c>?</c> one character, <c>#</c> one digit, <c>[..]</c> a set, <c>[!..]</c> a
/// negated set); Like patterns follow SQL (<c>%</c>, <c>_</c>, <c>[..]</c>, <c>[^..]</c>).
/// </summary>
internal static class PatternTranslation
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The compiled matcher for an operator and pattern; throws <see cref="ArgumentException"/> for a pattern that is not valid.</summary>
    public static Regex Compile(PatternOperator op, string pattern)
    {
        const RegexOptions insensitive = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        return op switch
        {
            PatternOperator.MatchesRegularExpression or PatternOperator.DoesNotMatchRegularExpression =>
                new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout),
            PatternOperator.ContainsSubstring or PatternOperator.DoesNotContainSubstring =>
                new Regex(Regex.Escape(pattern), insensitive, MatchTimeout),
            PatternOperator.MatchesWildcard or PatternOperator.DoesNotMatchWildcard =>
                new Regex(Translate(pattern, anyRun: '*', anyOne: '?', digit: '#', negation: '!'), insensitive | RegexOptions.Singleline, MatchTimeout),
            _ => new Regex(Translate(pattern, anyRun: '%', anyOne: '_', digit: null, negation: '^'), insensitive | RegexOptions.Singleline, MatchTimeout),
        };
    }

    private static string Translate(string pattern, char anyRun, char anyOne, char? digit, char negation)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == anyRun)
            {
                regex.Append(".*");
            }
            else if (c == anyOne)
            {
                regex.Append('.');
            }
            else if (digit == c)
            {
                regex.Append("[0-9]");
            }
            else if (c == '[')
            {
                var end = pattern.IndexOf(']', i + 2);
                if (end < 0)
                {
                    throw new ArgumentException($"the set opened at position {i + 1} of '{pattern}' is not closed", nameof(pattern));
                }

                var set = pattern[(i + 1)..end];
                var negated = set.Length > 0 && set[0] == negation;
                if (negated)
                {
                    set = set[1..];
                }

                regex.Append('[').Append(negated ? "^" : "").Append(set.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                i = end;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.Append('$').ToString();
    }
}
