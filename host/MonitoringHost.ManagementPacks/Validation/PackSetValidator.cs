using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;
using MonitoringHost.ManagementPacks.Validation.Rules;

namespace MonitoringHost.ManagementPacks.Validation;

/// <summary>Checks a pack set as Operations Manager checks an import, and returns every problem found, in file order.</summary>
public static class PackSetValidator
{
    public static ImmutableArray<PackProblem> Validate(PackSet packs)
    {
        var context = new ValidationContext(packs);
        ManifestRules.Check(context);
        IdentityRules.Check(context);
        TypeRules.Check(context);
        ModuleTypeRules.Check(context);
        WorkflowRules.Check(context);
        MonitorRules.Check(context);
        OverrideRules.Check(context);
        SubstitutionRules.Check(context);
        LanguagePackRules.Check(context);
        return [.. context.Problems
            .OrderBy(p => p.Location.Path, StringComparer.Ordinal)
            .ThenBy(p => p.Location.Line)
            .ThenBy(p => p.Location.Column)];
    }
}
