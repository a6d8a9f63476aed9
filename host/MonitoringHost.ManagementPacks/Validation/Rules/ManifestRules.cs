using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Validation.Rules;

/// <summary>Pack-level checks: one pack per ID, references present, new enough, sealed, same key, no cycles.</summary>
internal static class ManifestRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var duplicate in context.Packs.Packs.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = duplicate.First();
            foreach (var pack in duplicate.Skip(1))
            {
                context.Error(ProblemCodes.DuplicatePack, $"the pack {pack.Id} is loaded twice (also from {first.SourcePath}); load one version", pack.Manifest.Location, pack, null);
            }
        }

        foreach (var pack in context.Packs.Packs)
        {
            CheckReferences(context, pack);
        }

        CheckCycles(context);
    }

    private static void CheckReferences(ValidationContext context, ManagementPack pack)
    {
        foreach (var alias in pack.Manifest.References.GroupBy(r => r.Alias, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            context.Error(ProblemCodes.DuplicateAlias, $"the alias '{alias.Key}' is declared {alias.Count()} times in the manifest", alias.Skip(1).First().Location, pack, null);
        }

        foreach (var reference in pack.Manifest.References)
        {
            var installed = context.Packs[reference.Id];
            if (installed is null)
            {
                context.Error(ProblemCodes.MissingReferencedPack, $"the reference '{reference.Alias}' needs the pack {reference.Id} {reference.Version}, which is not loaded", reference.Location, pack, null);
                continue;
            }

            if (installed.Version < reference.Version)
            {
                context.Error(
                    ProblemCodes.ReferencedVersionTooHigh,
                    $"the reference '{reference.Alias}' needs {reference.Id} version {reference.Version} or later, but version {installed.Version} is loaded",
                    reference.Location,
                    pack,
                    null);
            }

            if (reference.PublicKeyToken is not null && installed.PublicKeyToken is not null
                && !string.Equals(reference.PublicKeyToken, installed.PublicKeyToken, StringComparison.OrdinalIgnoreCase))
            {
                context.Error(
                    ProblemCodes.PublicKeyTokenMismatch,
                    $"the reference '{reference.Alias}' expects {reference.Id} signed with key {reference.PublicKeyToken}, but the loaded pack has key {installed.PublicKeyToken}",
                    reference.Location,
                    pack,
                    null);
            }

            if (!installed.Sealed)
            {
                context.Warning(
                    ProblemCodes.ReferencedPackNotSealed,
                    $"the reference '{reference.Alias}' names {reference.Id}, which is not sealed; Operations Manager only lets sealed packs be referenced",
                    reference.Location,
                    pack,
                    null);
            }
        }
    }

    private static void CheckCycles(ValidationContext context)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = on the path, true = done
        foreach (var pack in context.Packs.Packs)
        {
            Visit(pack, []);
        }

        void Visit(ManagementPack pack, List<ManagementPack> path)
        {
            if (state.TryGetValue(pack.Id, out var done))
            {
                if (!done)
                {
                    var cycle = path.SkipWhile(p => p.Id != pack.Id).Select(p => p.Id).Append(pack.Id);
                    context.Error(ProblemCodes.PackReferenceCycle, $"packs reference each other in a cycle: {string.Join(" -> ", cycle)}", pack.Manifest.Location, pack, null);
                }

                return;
            }

            state[pack.Id] = false;
            path.Add(pack);
            foreach (var reference in pack.Manifest.References)
            {
                if (context.Packs[reference.Id] is { } next)
                {
                    Visit(next, path);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[pack.Id] = true;
        }
    }
}
