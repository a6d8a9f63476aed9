using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.ManagementPacks.Resolution;
using MonitoringHost.ManagementPacks.Validation;

namespace MonitoringHost.ManagementPacks.Loading;

/// <summary>
/// Reads pack files and folders, adds them to a base set (the shipped libraries; a pack read here replaces the base
/// pack with the same ID), resolves and validates the whole set. Folders are searched recursively for <c>.xml</c> packs and <c>.mpx</c> fragments; the fragments of one folder
/// merge into one pack, as an authoring project builds them, unless <see cref="FragmentGrouping.EachFile"/> is asked.
/// </summary>
public static class PackSetLoader
{
    public static PackSetLoadResult Load(
        IEnumerable<string> paths,
        ImmutableArray<ManagementPack> basePacks,
        ManagementPackReadOptions? options = null,
        FragmentGrouping grouping = FragmentGrouping.PerFolder)
    {
        options ??= ManagementPackReadOptions.Default;
        var problems = ImmutableArray.CreateBuilder<PackProblem>();
        var packs = new List<ManagementPack>();
        var (files, fragments, missing) = Expand(paths);
        foreach (var path in missing)
        {
            problems.Add(new PackProblem(ProblemCodes.FileUnreadable, ProblemSeverity.Error, "no such file or folder", new SourceLocation(path, 0, 0)));
        }

        foreach (var file in files)
        {
            Add(ManagementPackReader.ReadFile(file, options));
        }

        var groups = grouping == FragmentGrouping.EachFile
            ? fragments.Select(f => (IReadOnlyList<string>)[f])
            : fragments.GroupBy(f => Path.GetDirectoryName(f) ?? "", StringComparer.Ordinal).Select(g => (IReadOnlyList<string>)[.. g]);
        foreach (var group in groups)
        {
            Add(ManagementPackReader.ReadFragments(group, options));
        }

        // A pack named here replaces the base pack with the same ID (checking an edited library, or the shipped
        // libraries themselves); it stays sealed with the same key, as a new version of that pack would be.
        var replaced = packs.Select(p => basePacks.FirstOrDefault(b => b.Id == p.Id) is { } original
            ? p with { Sealed = original.Sealed, PublicKeyToken = original.PublicKeyToken }
            : p).ToList();
        var kept = basePacks.Where(b => replaced.All(p => p.Id != b.Id));
        return Validate([.. kept, .. replaced], problems.ToImmutable(), replaced.Count);

        void Add(ManagementPackReadResult result)
        {
            problems.AddRange(result.Problems);
            if (result.Pack is { } pack)
            {
                packs.Add(pack);
            }
        }
    }

    /// <summary>Validates packs already read, adding <paramref name="readProblems"/> to what validation finds.</summary>
    public static PackSetLoadResult Validate(IReadOnlyList<ManagementPack> packs, ImmutableArray<PackProblem> readProblems, int loadedCount)
    {
        var set = new PackSet(packs);
        var problems = readProblems.AddRange(PackSetValidator.Validate(set));
        var loaded = packs.Skip(packs.Count - loadedCount).ToList();
        var summary = new PackSetSummary(
            loaded.Count,
            loaded.Sum(p => p.ElementsOf<ClassType>().Count()),
            loaded.Sum(p => p.ElementsOf<Workflow>().Count()),
            problems.Count(p => p.IsError),
            problems.Count(p => !p.IsError));
        return new PackSetLoadResult(set, problems, summary);
    }

    private static (List<string> Files, List<string> Fragments, List<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var fragments = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            IEnumerable<string> candidates;
            if (Directory.Exists(path))
            {
                candidates = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".mpx", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
            }
            else if (File.Exists(path))
            {
                candidates = [path];
            }
            else
            {
                missing.Add(path);
                continue;
            }

            foreach (var candidate in candidates)
            {
                (candidate.EndsWith(".mpx", StringComparison.OrdinalIgnoreCase) ? fragments : files).Add(candidate);
            }
        }

        return (files, fragments, missing);
    }
}
