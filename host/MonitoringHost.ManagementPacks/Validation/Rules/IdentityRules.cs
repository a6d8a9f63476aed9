using System.Text.RegularExpressions;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Validation.Rules;

/// <summary>IDs start with a letter or digit, use letters, digits, '.' and '_', are under 256 characters and unique in their pack.</summary>
internal static partial class IdentityRules
{
    private const int MaxIdLength = 255;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._]*$")]
    private static partial Regex WellFormedId();

    public static void Check(ValidationContext context)
    {
        foreach (var pack in context.Packs.Packs)
        {
            CheckId(context, pack, pack.Id, pack.Manifest.Location, "the pack ID");
            var seen = new Dictionary<string, ManagementPackElement>(StringComparer.Ordinal);
            foreach (var element in pack.Elements.Where(e => e.Id.Length > 0))
            {
                CheckId(context, pack, element.Id, element.Location, $"the {ValidationContext.KindName(element.Kind)} ID");
                if (!seen.TryAdd(element.Id, element))
                {
                    var first = seen[element.Id];
                    context.Error(
                        ProblemCodes.DuplicateElementId,
                        $"the ID '{element.Id}' is already used in this pack by the {ValidationContext.KindName(first.Kind)} at line {first.Location.Line}",
                        element.Location,
                        pack,
                        element.Id);
                }
            }
        }
    }

    private static void CheckId(ValidationContext context, ManagementPack pack, string id, SourceLocation where, string what)
    {
        if (id.Length > MaxIdLength)
        {
            context.Error(ProblemCodes.IllFormedId, $"{what} is {id.Length} characters long; IDs must be under 256", where, pack, id);
        }
        else if (!WellFormedId().IsMatch(id))
        {
            context.Error(ProblemCodes.IllFormedId, $"{what} '{id}' must start with a letter or digit and contain only letters, digits, '.' and '_'", where, pack, id);
        }
    }
}
