using System.Text.RegularExpressions;

namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// Turns a parsed criteria into a predicate over items, given their fields. Each value is converted to its field's
/// type and each LIKE and MATCHES pattern compiled once, here; every problem (unknown field, value that does not fit,
/// operator that does not apply, bad pattern) is collected and thrown together as a <see cref="CriteriaException"/>.
/// A comparison with a field that has no value is false; <c>IS NULL</c> is true for it; <c>NOT</c> negates what it
/// is given (two-valued logic).
/// </summary>
public static partial class CriteriaCompiler
{
    /// <summary>How long one LIKE or MATCHES may take on one value before evaluation throws <see cref="RegexMatchTimeoutException"/>.</summary>
    public static readonly TimeSpan DefaultRegexTimeout = TimeSpan.FromMilliseconds(250);

    public static Func<T, bool> Compile<T>(CriteriaNode criteria, CriteriaSchema<T> schema, TimeSpan? regexTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<CriteriaProblem>();
        var predicate = new Builder<T>(schema, regexTimeout ?? DefaultRegexTimeout, problems).Build(criteria);
        return problems.Count == 0 ? predicate : throw new CriteriaException(problems);
    }

    private sealed partial class Builder<T>(CriteriaSchema<T> schema, TimeSpan regexTimeout, List<CriteriaProblem> problems)
    {
        private static readonly Func<T, bool> Never = _ => false;

        public Func<T, bool> Build(CriteriaNode node)
        {
            switch (node)
            {
                case AndCriterion and:
                    var (leftAnd, rightAnd) = (Build(and.Left), Build(and.Right));
                    return item => leftAnd(item) && rightAnd(item);
                case OrCriterion or:
                    var (leftOr, rightOr) = (Build(or.Left), Build(or.Right));
                    return item => leftOr(item) || rightOr(item);
                case NotCriterion not:
                    var operand = Build(not.Operand);
                    return item => !operand(item);
                case NullCriterion isNull:
                    return Resolve(isNull.Field) is { } nullable ? IsNull(nullable, isNull.Negated) : Never;
                case ComparisonCriterion comparison:
                    return Resolve(comparison.Field) is { } compared ? Comparison(compared, comparison) : Never;
                case LikeCriterion like:
                    return Pattern(like.Field, like.Pattern, "LIKE", p => LikePattern.ToRegex(p.Text, out var problem) ?? Fail(p, problem!),
                        RegexOptions.IgnoreCase | RegexOptions.Singleline);
                case MatchesCriterion matches:
                    return Pattern(matches.Field, matches.Pattern, "MATCHES", p => p.Text, RegexOptions.None);
                default:
                    throw new ArgumentOutOfRangeException(nameof(node), node, "not a criteria node");
            }
        }

        private CriteriaField<T>? Resolve(FieldReference reference)
        {
            var field = schema.Field(reference.Name);
            if (field is null)
            {
                problems.Add(new CriteriaProblem(
                    reference.Position, "unknown-field",
                    $"at position {reference.Position}: unknown field '{reference.Name}'; the fields are {string.Join(", ", schema.FieldNames)}",
                    reference.Name));
            }

            return field;
        }

        private static Func<T, bool> IsNull(CriteriaField<T> field, bool negated)
        {
            var hasValue = field.HasValue;
            return negated ? hasValue : item => !hasValue(item);
        }

        private Func<T, bool> Pattern(FieldReference reference, CriteriaLiteral pattern, string keyword, Func<CriteriaLiteral, string?> regexOf, RegexOptions options)
        {
            if (Resolve(reference) is not { } field)
            {
                return Never;
            }

            if (field.Type != CriteriaFieldType.String)
            {
                problems.Add(new CriteriaProblem(
                    reference.Position, "operator",
                    $"at position {reference.Position}: {keyword} applies to text fields; {field.Name} is {TypeName(field)} field", field.Name));
                return Never;
            }

            if (regexOf(pattern) is not { } expression)
            {
                return Never;
            }

            Regex regex;
            try
            {
                regex = new Regex(expression, options | RegexOptions.CultureInvariant, regexTimeout);
            }
            catch (ArgumentException e)
            {
                Fail(pattern, $"is not a valid {keyword} pattern: {e.Message}");
                return Never;
            }

            var read = Reader<string?>(field);
            return item => read(item) is { } text && regex.IsMatch(text);
        }

        private string? Fail(CriteriaLiteral literal, string problem)
        {
            problems.Add(new CriteriaProblem(literal.Position, "pattern", $"at position {literal.Position}: {literal.Describe()} {problem}"));
            return null;
        }

        private static Func<T, TValue> Reader<TValue>(CriteriaField<T> field) => (Func<T, TValue>)field.Accessor;

        private static string TypeName(CriteriaField<T> field) => field.Type switch
        {
            CriteriaFieldType.String => "a text",
            CriteriaFieldType.Number => "a number",
            CriteriaFieldType.Enum => "an enum",
            CriteriaFieldType.DateTime => "a date-time",
            CriteriaFieldType.Guid => "a GUID",
            _ => "a boolean",
        };
    }
}
