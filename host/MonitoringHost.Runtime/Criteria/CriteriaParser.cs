namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// Parses SCOM criteria syntax into a <see cref="CriteriaNode"/> tree. Precedence, tightest first: comparisons,
/// <c>NOT</c>, <c>AND</c>, <c>OR</c>; parentheses group. Keywords are case-insensitive. A criteria that does not parse
/// throws <see cref="CriteriaException"/> naming the position and what was expected there.
/// </summary>
public sealed class CriteriaParser
{
    private static readonly string[] Keywords = ["AND", "OR", "NOT", "LIKE", "MATCHES", "IS", "NULL", "TRUE", "FALSE"];

    private readonly IReadOnlyList<CriteriaToken> _tokens;
    private int _next;

    private CriteriaParser(IReadOnlyList<CriteriaToken> tokens) => _tokens = tokens;

    private CriteriaToken Current => _tokens[_next];

    public static CriteriaNode Parse(string criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var parser = new CriteriaParser(CriteriaTokenizer.Tokenize(criteria));
        if (parser.Current.Kind == CriteriaTokenKind.End)
        {
            throw new CriteriaException(new CriteriaProblem(1, "syntax", "the criteria is empty; expected a condition such as Severity = 2"));
        }

        var node = parser.ParseOr();
        if (parser.Current.Kind == CriteriaTokenKind.CloseParenthesis)
        {
            var position = parser.Current.Position;
            throw new CriteriaException(new CriteriaProblem(position, "syntax", $"at position {position}: this ')' closes no '('"));
        }

        if (parser.Current.Kind != CriteriaTokenKind.End)
        {
            throw parser.Expected("AND, OR or the end of the criteria");
        }

        return node;
    }

    private CriteriaNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.Is("OR"))
        {
            _next++;
            left = new OrCriterion(left, ParseAnd());
        }

        return left;
    }

    private CriteriaNode ParseAnd()
    {
        var left = ParseNot();
        while (Current.Is("AND"))
        {
            _next++;
            left = new AndCriterion(left, ParseNot());
        }

        return left;
    }

    private CriteriaNode ParseNot()
    {
        if (Current.Is("NOT"))
        {
            var position = Current.Position;
            _next++;
            return new NotCriterion(ParseNot(), position);
        }

        if (Current.Kind == CriteriaTokenKind.OpenParenthesis)
        {
            var open = Current;
            _next++;
            var inner = ParseOr();
            if (Current.Kind != CriteriaTokenKind.CloseParenthesis)
            {
                throw Expected($"')' to close the '(' at position {open.Position}");
            }

            _next++;
            return inner;
        }

        return ParseCondition();
    }

    private CriteriaNode ParseCondition()
    {
        if (Current.Kind != CriteriaTokenKind.Word || IsKeyword(Current))
        {
            throw Expected("a field name, NOT or '('");
        }

        var field = new FieldReference(Current.Text, Current.Position);
        _next++;
        var token = Current;
        if (token.Kind == CriteriaTokenKind.Operator)
        {
            _next++;
            return new ComparisonCriterion(field, Operator(token.Text), ParseValue($"a value after '{token.Text}'"));
        }

        if (token.Is("IS"))
        {
            _next++;
            var negated = Current.Is("NOT");
            _next += negated ? 1 : 0;
            if (!Current.Is("NULL"))
            {
                throw Expected(negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
            }

            _next++;
            return new NullCriterion(field, negated);
        }

        if (token.Is("NOT"))
        {
            _next++;
            if (!Current.Is("LIKE") && !Current.Is("MATCHES"))
            {
                throw Expected($"LIKE or MATCHES after {field.Name} NOT");
            }

            return new NotCriterion(ParsePattern(field), token.Position);
        }

        if (token.Is("LIKE") || token.Is("MATCHES"))
        {
            return ParsePattern(field);
        }

        throw Expected($"an operator after {field.Name} (=, !=, <>, <, >, <=, >=, LIKE, MATCHES, IS NULL, IS NOT NULL)");
    }

    private CriteriaNode ParsePattern(FieldReference field)
    {
        var like = Current.Is("LIKE");
        var keyword = Current.Text.ToUpperInvariant();
        _next++;
        if (Current.Kind != CriteriaTokenKind.String)
        {
            throw Expected($"a quoted pattern after {keyword}");
        }

        var pattern = new CriteriaLiteral(CriteriaLiteralKind.String, Current.Text, Current.Position);
        _next++;
        return like ? new LikeCriterion(field, pattern) : new MatchesCriterion(field, pattern);
    }

    private CriteriaLiteral ParseValue(string expected)
    {
        var token = Current;
        var kind = token.Kind switch
        {
            CriteriaTokenKind.String => CriteriaLiteralKind.String,
            CriteriaTokenKind.Number => CriteriaLiteralKind.Number,
            CriteriaTokenKind.Word when token.Is("TRUE") || token.Is("FALSE") => CriteriaLiteralKind.Boolean,
            CriteriaTokenKind.Word when token.Is("NULL") => CriteriaLiteralKind.Null,
            _ => throw Expected($"{expected} (a quoted string, a number, TRUE or FALSE)"),
        };
        _next++;
        return new CriteriaLiteral(kind, kind is CriteriaLiteralKind.Boolean or CriteriaLiteralKind.Null ? token.Text.ToUpperInvariant() : token.Text, token.Position);
    }

    private static CriteriaOperator Operator(string text) => text switch
    {
        "=" or "==" => CriteriaOperator.Equal,
        "!=" or "<>" => CriteriaOperator.NotEqual,
        "<" => CriteriaOperator.Less,
        ">" => CriteriaOperator.Greater,
        "<=" => CriteriaOperator.LessOrEqual,
        ">=" => CriteriaOperator.GreaterOrEqual,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "not a comparison operator"),
    };

    private static bool IsKeyword(CriteriaToken token) => Keywords.Any(token.Is);

    private CriteriaException Expected(string what) =>
        new(new CriteriaProblem(Current.Position, "syntax", $"at position {Current.Position}: expected {what}, found {Current.Describe()}"));
}
