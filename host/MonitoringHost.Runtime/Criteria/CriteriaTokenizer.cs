namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// Splits a criteria into tokens: words (field names and keywords; letters, digits, <c>_</c> and <c>.</c>), single-quoted
/// strings (<c>''</c> is a quote), numbers (an optional <c>-</c>, digits, an optional fraction and exponent), the
/// comparison operators (<c>= == != &lt;&gt; &lt; &gt; &lt;= &gt;=</c>) and parentheses.
/// </summary>
public static class CriteriaTokenizer
{
    public static IReadOnlyList<CriteriaToken> Tokenize(string criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var tokens = new List<CriteriaToken>();
        var i = 0;
        while (i < criteria.Length)
        {
            var c = criteria[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(new CriteriaToken(CriteriaTokenKind.String, ReadString(criteria, ref i), start + 1));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < criteria.Length && char.IsAsciiDigit(criteria[i + 1])))
            {
                tokens.Add(new CriteriaToken(CriteriaTokenKind.Number, ReadNumber(criteria, ref i), start + 1));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < criteria.Length && (char.IsLetterOrDigit(criteria[i]) || criteria[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new CriteriaToken(CriteriaTokenKind.Word, criteria[start..i], start + 1));
            }
            else if (c is '(' or ')')
            {
                i++;
                tokens.Add(new CriteriaToken(c == '(' ? CriteriaTokenKind.OpenParenthesis : CriteriaTokenKind.CloseParenthesis, c.ToString(), start + 1));
            }
            else
            {
                tokens.Add(new CriteriaToken(CriteriaTokenKind.Operator, ReadOperator(criteria, ref i), start + 1));
            }
        }

        tokens.Add(new CriteriaToken(CriteriaTokenKind.End, "", criteria.Length + 1));
        return tokens;
    }

    private static string ReadString(string criteria, ref int i)
    {
        var start = i;
        var text = new System.Text.StringBuilder();
        i++;
        while (true)
        {
            if (i >= criteria.Length)
            {
                throw new CriteriaException(new CriteriaProblem(start + 1, "syntax", $"the string starting at position {start + 1} has no closing quote"));
            }

            if (criteria[i] == '\'')
            {
                if (i + 1 < criteria.Length && criteria[i + 1] == '\'')
                {
                    text.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return text.ToString();
            }

            text.Append(criteria[i++]);
        }
    }

    private static string ReadNumber(string criteria, ref int i)
    {
        var start = i;
        i++;
        SkipDigits(criteria, ref i);
        if (i + 1 < criteria.Length && criteria[i] == '.' && char.IsAsciiDigit(criteria[i + 1]))
        {
            i++;
            SkipDigits(criteria, ref i);
        }

        if (i + 1 < criteria.Length && criteria[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < criteria.Length && criteria[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < criteria.Length && char.IsAsciiDigit(criteria[exponent]))
            {
                i = exponent;
                SkipDigits(criteria, ref i);
            }
        }

        if (i < criteria.Length && (char.IsLetter(criteria[i]) || criteria[i] is '_' or '.'))
        {
            throw new CriteriaException(new CriteriaProblem(i + 1, "syntax", $"'{criteria[start..(i + 1)]}' at position {start + 1} is not a number; put text in single quotes"));
        }

        return criteria[start..i];
    }

    private static void SkipDigits(string criteria, ref int i)
    {
        while (i < criteria.Length && char.IsAsciiDigit(criteria[i]))
        {
            i++;
        }
    }

    private static string ReadOperator(string criteria, ref int i)
    {
        var two = i + 1 < criteria.Length ? criteria.Substring(i, 2) : "";
        if (two is "==" or "!=" or "<>" or "<=" or ">=")
        {
            i += 2;
            return two;
        }

        if (criteria[i] is '=' or '<' or '>')
        {
            return criteria[i++].ToString();
        }

        var what = criteria[i] == '"' ? "'\"' (strings take single quotes)" : $"'{criteria[i]}'";
        throw new CriteriaException(new CriteriaProblem(i + 1, "syntax", $"unexpected {what} at position {i + 1}"));
    }
}
