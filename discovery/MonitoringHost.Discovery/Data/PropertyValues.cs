using System.Globalization;
using MonitoringHost.Discovery.Classes;

namespace MonitoringHost.Discovery.Data;

/// <summary>Checks a property value against its type and gives its invariant text form, or says why it does not fit.</summary>
internal static class PropertyValues
{
    public static bool TryNormalize(PropertyInfo property, string value, out string normalized, out string? problem)
    {
        problem = null;
        normalized = value;
        switch (property.Type)
        {
            case "int" or "long" or "short" or "byte":
                if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    normalized = integer.ToString(CultureInfo.InvariantCulture);
                    return true;
                }

                problem = $"'{value}' is not a whole number ({property.Type})";
                return false;
            case "double" or "decimal" or "float":
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    normalized = number.ToString(CultureInfo.InvariantCulture); // shortest text that round-trips
                    return true;
                }

                problem = $"'{value}' is not a number ({property.Type})";
                return false;
            case "bool":
                if (bool.TryParse(value, out var flag))
                {
                    normalized = flag ? "true" : "false";
                    return true;
                }

                problem = $"'{value}' is not true or false";
                return false;
            case "guid":
                if (Guid.TryParse(value, out var guid))
                {
                    normalized = guid.ToString("D");
                    return true;
                }

                problem = $"'{value}' is not a GUID";
                return false;
            case "datetime":
                if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    normalized = time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);
                    return true;
                }

                problem = $"'{value}' is not a date and time";
                return false;
            default:
                if (property.MaxLength is { } max && value.Length > max)
                {
                    problem = $"the value is {value.Length} characters long; at most {max} are allowed";
                    return false;
                }

                return true;
        }
    }
}
