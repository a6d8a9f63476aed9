using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Expressions;

/// <summary>
/// Compiles an <c>&lt;Expression&gt;</c> (System.ExpressionEvaluatorSchema's <c>ExpressionType</c>) into an
/// <see cref="ExpressionNode"/> tree: data paths parsed, typed constants cast and patterns built once. Anything it
/// cannot use is reported through <c>problem(element, what)</c> naming the element, e.g.
/// <c>Expression/And/Expression[2]/SimpleExpression/Operator</c>.
/// </summary>
public static class ExpressionCompiler
{
    /// <summary>How long one pattern may take on one value; a pattern that backtracks past it fails that evaluation loudly.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Compiles <paramref name="expression"/>. Problems throw what <paramref name="problem"/> makes of (element path,
    /// problem), <see cref="InvalidExpressionException"/> by default.
    /// </summary>
    public static ExpressionNode Compile(XElement expression, Func<string, string, Exception>? problem = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var compiler = new Compiler(problem ?? ((element, text) => new InvalidExpressionException(element, text)));
        return compiler.Expression(expression, expression.Name.LocalName);
    }

    private sealed class Compiler(Func<string, string, Exception> problem)
    {
        public ExpressionNode Expression(XElement element, string where)
        {
            var children = element.Elements().ToList();
            if (children.Count == 0)
            {
                // The schema lets an Expression be empty; it then rules nothing out.
                return element.Value.Trim().Length == 0 ? ConstantExpression.True : throw problem(where, "holds text instead of an expression");
            }

            if (children.Count > 1)
            {
                throw problem(where, $"must hold one expression but holds {children.Count} ({string.Join(", ", children.Select(c => c.Name.LocalName))})");
            }

            var node = children[0];
            var inner = $"{where}/{node.Name.LocalName}";
            return node.Name.LocalName switch
            {
                "And" => new AndExpression(Operands(node, inner)),
                "Or" => new OrExpression(Operands(node, inner)),
                "Not" => new NotExpression(Not(node, inner)),
                "Exists" => Exists(node, inner),
                "SimpleExpression" => Simple(node, inner),
                "RegExExpression" => Pattern(node, inner),
                "DayTimeExpression" => DayTime(node, inner),
                _ => throw problem(inner, "is not an expression (SimpleExpression, RegExExpression, DayTimeExpression, And, Or, Not or Exists)"),
            };
        }

        private ImmutableArray<ExpressionNode> Operands(XElement node, string where)
        {
            var children = node.Elements().ToList();
            if (children.Count == 0)
            {
                throw problem(where, "must hold at least one Expression");
            }

            var operands = ImmutableArray.CreateBuilder<ExpressionNode>(children.Count);
            for (var i = 0; i < children.Count; i++)
            {
                var child = children[i];
                var at = $"{where}/Expression[{i + 1}]";
                operands.Add(child.Name.LocalName == "Expression" ? Expression(child, at) : throw problem($"{where}/{child.Name.LocalName}", "is not allowed here (only Expression)"));
            }

            return operands.MoveToImmutable();
        }

        private ExpressionNode Not(XElement node, string where)
        {
            var parts = Sequence(node, where, ["Expression"], []);
            return Expression(parts[0]!, $"{where}/Expression");
        }

        private ExistsExpression Exists(XElement node, string where)
        {
            var parts = Sequence(node, where, ["ValueExpression"], []);
            var (path, constant, _, _) = Value(parts[0]!, $"{where}/ValueExpression");
            return path is not null ? new ExistsExpression(path) : throw problem($"{where}/ValueExpression", $"must be an XPathQuery (a Value '{constant}' always exists)");
        }

        private ExpressionNode Simple(XElement node, string where)
        {
            var parts = Sequence(node, where, ["ValueExpression", "Operator", "ValueExpression"], []);
            var left = Value(parts[0]!, $"{where}/ValueExpression[1]");
            var right = Value(parts[2]!, $"{where}/ValueExpression[2]");
            var op = Comparison(parts[1]!, $"{where}/Operator");
            var caseSensitive = CaseSensitive(parts[1]!, $"{where}/Operator");

            // String is the default Type, so a side left as String is read as the other side's kind.
            var (leftKind, rightKind) = (left.Kind, right.Kind);
            leftKind = leftKind == ValueKind.String ? rightKind : leftKind;
            rightKind = rightKind == ValueKind.String ? leftKind : rightKind;
            if (!TypedValue.Comparable(leftKind, rightKind))
            {
                // Schema-valid, but a Boolean never equals or orders against a number or a time.
                return ConstantExpression.False;
            }

            return new SimpleExpression(
                Operand(left, leftKind, $"{where}/ValueExpression[1]"), op, Operand(right, rightKind, $"{where}/ValueExpression[2]"), caseSensitive);
        }

        private RegExExpression Pattern(XElement node, string where)
        {
            var parts = Sequence(node, where, ["ValueExpression", "Operator", "Pattern"], []);
            var value = Value(parts[0]!, $"{where}/ValueExpression");
            var operatorText = parts[1]!.Value.Trim();
            if (!Enum.TryParse<PatternOperator>(operatorText, ignoreCase: false, out var op) || !Enum.IsDefined(op) || char.IsAsciiDigit(operatorText[0]))
            {
                throw problem($"{where}/Operator", $"'{operatorText}' is not a pattern operator (MatchesWildcard, ContainsSubstring, MatchesRegularExpression, DoesNotMatchWildcard, DoesNotContainSubstring or DoesNotMatchRegularExpression)");
            }

            var pattern = parts[2]!.Value;
            var regex = op switch
            {
                PatternOperator.MatchesWildcard or PatternOperator.DoesNotMatchWildcard => Regex(
                    WildcardPattern.ToRegex(pattern, out var wildcardProblem) ?? throw problem($"{where}/Pattern", $"'{pattern}' {wildcardProblem}"),
                    RegexOptions.Singleline, pattern, $"{where}/Pattern"),
                PatternOperator.MatchesRegularExpression or PatternOperator.DoesNotMatchRegularExpression => Regex(pattern, RegexOptions.None, pattern, $"{where}/Pattern"),
                _ => null,
            };
            return new RegExExpression(ValueOperand.ForPathOrConstant(value.Path, value.Constant, ValueKind.String), op, pattern, regex);
        }

        private DayTimeExpression DayTime(XElement node, string where)
        {
            var parts = Sequence(node, where, ["ValueExpression", "StartTime", "EndTime", "Days"], ["InRange"]);
            var value = Value(parts[0]!, $"{where}/ValueExpression");
            var start = Unsigned(parts[1]!, $"{where}/StartTime", 86400);
            var end = Unsigned(parts[2]!, $"{where}/EndTime", 86400);
            var days = Unsigned(parts[3]!, $"{where}/Days", 127);
            var inRange = parts[4] is not { } flag || Boolean(flag.Value, $"{where}/InRange");
            return new DayTimeExpression(ValueOperand.ForPathOrConstant(value.Path, value.Constant, ValueKind.DateTime), start, end, days, inRange);
        }

        /// <summary>
        /// The children of <paramref name="node"/>, which must be exactly <paramref name="required"/> in order, then
        /// optionally <paramref name="optional"/> in order (missing optional ones are null).
        /// </summary>
        private XElement?[] Sequence(XElement node, string where, string[] required, string[] optional)
        {
            var children = node.Elements().ToList();
            var names = required.Concat(optional).ToArray();
            var result = new XElement?[names.Length];
            var next = 0;
            foreach (var child in children)
            {
                while (next < names.Length && child.Name.LocalName != names[next] && next >= required.Length)
                {
                    next++;
                }

                if (next >= names.Length || child.Name.LocalName != names[next])
                {
                    throw problem(where, $"must hold {Describe(required, optional)}; found <{child.Name.LocalName}> where {(next < names.Length ? names[next] : "nothing more")} belongs");
                }

                result[next++] = child;
            }

            if (next < required.Length)
            {
                throw problem(where, $"must hold {Describe(required, optional)}; {required[next]} is missing");
            }

            return result;
        }

        private static string Describe(string[] required, string[] optional) =>
            string.Join(", ", required) + (optional.Length > 0 ? $" (then optionally {string.Join(", ", optional)})" : "");

        private ParsedValue Value(XElement valueExpression, string where)
        {
            var child = Sequence(valueExpression, where, [], ["XPathQuery", "Value"]) switch
            {
                [{ } xpath, null] => xpath,
                [null, { } value] => value,
                _ => throw problem(where, "must hold one XPathQuery or one Value"),
            };
            var at = $"{where}/{child.Name.LocalName}";
            var kind = Kind(child, at);
            var isExplicit = child.Attribute("Type") is not null;
            if (child.Name.LocalName == "Value")
            {
                return new ParsedValue(null, child.Value, kind, isExplicit);
            }

            return DataPath.TryParse(child.Value, out var path, out var pathProblem)
                ? new ParsedValue(path, null, kind, isExplicit)
                : throw problem(at, pathProblem!);
        }

        private ValueOperand Operand(ParsedValue value, ValueKind kind, string where)
        {
            var operand = ValueOperand.ForPathOrConstant(value.Path, value.Constant, kind);
            if (operand.Path is null && kind != ValueKind.String && value.ExplicitType && !operand.ConstantCasts)
            {
                throw problem($"{where}/Value", $"'{value.Constant}' is not a {kind}");
            }

            return operand;
        }

        private ValueKind Kind(XElement element, string where) => element.Attribute("Type")?.Value.Trim() switch
        {
            null or "String" => ValueKind.String,
            "Integer" => ValueKind.Integer,
            "UnsignedInteger" => ValueKind.UnsignedInteger,
            "Double" => ValueKind.Double,
            "Boolean" => ValueKind.Boolean,
            "DateTime" => ValueKind.DateTime,
            "Duration" => ValueKind.Duration,
            var other => throw problem($"{where}/@Type", $"'{other}' is not a value type (String, Integer, UnsignedInteger, Double, Boolean, DateTime or Duration)"),
        };

        private ComparisonOperator Comparison(XElement element, string where) => element.Value.Trim() switch
        {
            "Equal" => ComparisonOperator.Equal,
            "NotEqual" => ComparisonOperator.NotEqual,
            "Greater" => ComparisonOperator.Greater,
            "Less" => ComparisonOperator.Less,
            "GreaterEqual" => ComparisonOperator.GreaterEqual,
            "LessEqual" => ComparisonOperator.LessEqual,
            var other => throw problem(where, $"'{other}' is not a comparison (Equal, NotEqual, Greater, Less, GreaterEqual or LessEqual)"),
        };

        private bool CaseSensitive(XElement element, string where) =>
            element.Attribute("CaseSensitive") is { } attribute && Boolean(attribute.Value, $"{where}/@CaseSensitive");

        private bool Boolean(string text, string where) => text.Trim() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            var other => throw problem(where, $"'{other}' is not true or false"),
        };

        private int Unsigned(XElement element, string where, int maximum) =>
            int.TryParse(element.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= maximum
                ? value
                : throw problem(where, $"'{element.Value.Trim()}' is not a whole number from 0 to {maximum}");

        private Regex Regex(string regex, RegexOptions options, string pattern, string where)
        {
            try
            {
                return new Regex(regex, options | RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException e)
            {
                throw problem(where, $"'{pattern}' is not a valid pattern: {e.Message}");
            }
        }
    }

    private sealed record ParsedValue(DataPath? Path, string? Constant, ValueKind Kind, bool ExplicitType);
}
