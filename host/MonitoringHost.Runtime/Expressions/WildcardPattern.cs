using System.Text;
using System.Text.RegularExpressions;

namespace MonitoringHost.Runtime.Expressions;

/// <summary>
/// The wildcard language of <c>MatchesWildcard</c>: <c>*</c> any run of characters, <c>?</c> one character, <c>#</c>
/// one digit, <c>[abc]</c>, <c>[a-z]</c> and <c>[!abc]</c> (or <c>[^abc]</c>) sets; everything else literal. The whole
/// text must match.
/// </summary>
internal static class WildcardPattern
{
    /// <summary>The anchored regular expression for <paramref name="pattern"/>, or null with the problem.</summary>
    public static string? ToRegex(string pattern, out string? problem)
    {
        problem = null;
        var regex = new StringBuilder(@"\A(?:");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '#':
                    regex.Append("[0-9]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 2 <= pattern.Length ? i + 2 : i + 1);
                    if (close < 0)
                    {
                        problem = $"has an unclosed '[' at position {i + 1}";
                        return null;
                    }

                    if (!AppendSet(regex, pattern.AsSpan(i + 1, close - i - 1)))
                    {
                        problem = $"has an empty set at position {i + 1}";
                        return null;
                    }

                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append(@")\z").ToString();
    }

    // A ']' right after '[' (or '[!') is a member, as in most wildcard dialects; the search above starts past it.
    private static bool AppendSet(StringBuilder regex, ReadOnlySpan<char> members)
    {
        var negated = members.Length > 0 && members[0] is '!' or '^';
        members = negated ? members[1..] : members;
        if (members.IsEmpty)
        {
            return false;
        }

        regex.Append(negated ? "[^" : "[");

        foreach (var c in members)
        {
            if (c is '\\' or '[' or ']' or '^')
            {
                regex.Append('\\');
            }

            regex.Append(c);
        }

        regex.Append(']');
        return true;
    }
}
