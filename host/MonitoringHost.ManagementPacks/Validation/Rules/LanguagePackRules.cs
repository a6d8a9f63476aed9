using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Validation.Rules;

/// <summary>Display strings and knowledge articles describe elements of their own pack.</summary>
internal static class LanguagePackRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var pack in context.Packs.Packs)
        {
            foreach (var languagePack in pack.LanguagePacks)
            {
                var described = languagePack.DisplayStrings.Select(d => (d.ElementId, d.Location))
                    .Concat(languagePack.KnowledgeArticles.Select(k => (k.ElementId, k.Location)));
                foreach (var (elementId, location) in described)
                {
                    if (elementId != pack.Id && !pack.ElementsById.ContainsKey(elementId))
                    {
                        context.Warning(ProblemCodes.UnknownDisplayStringElement, $"language pack {languagePack.Id} describes '{elementId}', which is not an element of this pack", location, pack, elementId);
                    }
                }
            }
        }
    }
}
