using System.Text;
using System.Text.RegularExpressions;

namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// SQL's LIKE patterns as regular expressions: <c>%</c> any run of characters, <c>_</c> one character, <c>[abc]</c>,
/// <c>[a-c]</c> and <c>[^a-c]</c> sets (so <c>[%]</c> is a literal percent sign); everything else literal. The whole
/// text must match.
/// </summary>
public static class LikePattern
{
    /// <summary>The anchored regular expression for <paramref name="pattern"/>, or null with the problem.</summary>
    public static string? ToRegex(string pattern, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        problem = null;
        var regex = new StringBuilder(@"\A(?:");
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '%':
                    regex.Append(".*");
                    break;
                case '_':
                    regex.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', Math.Min(i + 2, pattern.Length));
                    if (close < 0)
                    {
                        problem = $"has a '[' at character {i + 1} without its closing ']'";
                        return null;
                    }

                    AppendSet(regex, pattern.AsSpan(i + 1, close - i - 1));
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
            }
        }

        return regex.Append(@")\z").ToString();
    }

    // A ']' right after '[' is a member (the search for the closing one starts past it); '-' between two members is a range.
    private static void AppendSet(StringBuilder regex, ReadOnlySpan<char> members)
    {
        var negated = members.Length > 1 && members[0] == '^';
        regex.Append(negated ? "[^" : "[");
        foreach (var c in negated ? members[1..] : members)
        {
            if (c is '\\' or '[' or ']' or '^')
            {
                regex.Append('\\');
            }

            regex.Append(c);
        }

        regex.Append(']');
    }
}
