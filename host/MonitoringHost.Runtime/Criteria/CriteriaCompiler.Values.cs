using System.Globalization;

namespace MonitoringHost.Runtime.Criteria;

/// <summary>Comparisons: the value converted once to the field's type, then compared per item.</summary>
public static partial class CriteriaCompiler
{
    // ISO 8601 as API.md writes times: a date, or a date and time with optional fractions and an optional Z or offset (else UTC).
    private static readonly string[] IsoFormats = ["yyyy'-'MM'-'dd", "yyyy'-'MM'-'dd'T'HH':'mmK", "yyyy'-'MM'-'dd'T'HH':'mm':'ssK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK"];

    private sealed partial class Builder<T>
    {
        private Func<T, bool> Comparison(CriteriaField<T> field, ComparisonCriterion comparison)
        {
            var (op, literal) = (comparison.Operator, comparison.Value);
            if (literal.Kind == CriteriaLiteralKind.Null)
            {
                return Problem(literal.Position, "type", $"nothing equals NULL; write {field.Name} IS NULL or {field.Name} IS NOT NULL", field);
            }

            if (field.Type is CriteriaFieldType.Guid or CriteriaFieldType.Boolean && op is not (CriteriaOperator.Equal or CriteriaOperator.NotEqual))
            {
                return Problem(comparison.Field, "operator", $"{field.Name} is {TypeName(field)} field: only = and != apply to it", field);
            }

            switch (field.Type)
            {
                case CriteriaFieldType.String:
                    var (text, read, test) = (literal.Text, Reader<string?>(field), Test(op));
                    return item => read(item) is { } value && test(string.Compare(value, text, StringComparison.OrdinalIgnoreCase));
                case CriteriaFieldType.Number:
                    return literal.Kind != CriteriaLiteralKind.Boolean && double.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? Compare(Reader<double?>(field), number, op)
                        : Problem(literal, "type", "is not a number", field);
                case CriteriaFieldType.Enum:
                    return EnumValue(field.Values!, literal) is { } code
                        ? Compare(Reader<int?>(field), code, op)
                        : Problem(literal, "type", $"is not one of its values: {field.Values!.Describe()} (or a number from {field.Values!.Minimum} to {field.Values!.Maximum})", field);
                case CriteriaFieldType.DateTime:
                    return literal.Kind == CriteriaLiteralKind.String
                        && DateTimeOffset.TryParseExact(literal.Text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                        ? Compare(Reader<DateTimeOffset?>(field), time, op)
                        : Problem(literal, "type", "is not a date and time; write it quoted, as ISO 8601 ('2026-11-30T10:00:00Z')", field);
                case CriteriaFieldType.Guid:
                    return literal.Kind == CriteriaLiteralKind.String && Guid.TryParse(literal.Text, out var id)
                        ? Compare(Reader<Guid?>(field), id, op)
                        : Problem(literal, "type", "is not a GUID; write it quoted ('3f2504e0-4f89-11d3-9a0c-0305e82c3301')", field);
                default:
                    return BooleanValue(literal) is { } flag
                        ? Compare(Reader<bool?>(field), flag, op)
                        : Problem(literal, "type", "is not TRUE or FALSE", field);
            }
        }

        private static int? EnumValue(CriteriaEnum values, CriteriaLiteral literal)
        {
            if (literal.Kind == CriteriaLiteralKind.String && values.TryGetValue(literal.Text, out var named))
            {
                return named;
            }

            return literal.Kind != CriteriaLiteralKind.Boolean
                && int.TryParse(literal.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                && number >= values.Minimum && number <= values.Maximum
                ? number
                : null;
        }

        private static bool? BooleanValue(CriteriaLiteral literal) => literal.Text.ToUpperInvariant() switch
        {
            "TRUE" or "1" when literal.Kind != CriteriaLiteralKind.Null => true,
            "FALSE" or "0" when literal.Kind != CriteriaLiteralKind.Null => false,
            _ => null,
        };

        private static Func<T, bool> Compare<TValue>(Func<T, TValue?> read, TValue expected, CriteriaOperator op)
            where TValue : struct, IComparable<TValue>
        {
            var test = Test(op);
            return item => read(item) is { } value && test(value.CompareTo(expected));
        }

        private static Func<int, bool> Test(CriteriaOperator op) => op switch
        {
            CriteriaOperator.Equal => order => order == 0,
            CriteriaOperator.NotEqual => order => order != 0,
            CriteriaOperator.Less => order => order < 0,
            CriteriaOperator.Greater => order => order > 0,
            CriteriaOperator.LessOrEqual => order => order <= 0,
            _ => order => order >= 0,
        };

        private Func<T, bool> Problem(CriteriaLiteral literal, string code, string message, CriteriaField<T> field) =>
            Problem(literal.Position, code, $"{literal.Describe()} does not fit {field.Name}, {TypeName(field)} field: it {message}", field);

        private Func<T, bool> Problem(FieldReference reference, string code, string message, CriteriaField<T> field) =>
            Problem(reference.Position, code, message, field);

        private Func<T, bool> Problem(int position, string code, string message, CriteriaField<T> field)
        {
            problems.Add(new CriteriaProblem(position, code, $"at position {position}: {message}", field.Name));
            return Never;
        }
    }
}
