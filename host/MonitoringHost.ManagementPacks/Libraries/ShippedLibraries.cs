using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Reading;

namespace MonitoringHost.ManagementPacks.Libraries;

/// <summary>
/// The library packs shipped in <c>packs/libraries</c>: stand-ins for Microsoft's sealed libraries, with their IDs
/// and key token, so that real packs' references resolve.
/// </summary>
public static class ShippedLibraries
{
    public const string FolderName = "libraries";

    public static readonly ManagementPackReadOptions ReadOptions = new()
    {
        Sealed = true,
        PublicKeyToken = ConventionalAliases.MicrosoftKeyToken,
    };

    /// <summary>
    /// Finds <c>packs/libraries</c>: beside the program first (where the build copies it), else in the nearest
    /// parent folder of the working directory that has it (a source checkout).
    /// </summary>
    public static string? Locate()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "packs", FolderName);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Reads every library pack in <paramref name="folder"/> (or the located one).</summary>
    public static ManagementPackBatch Read(string? folder = null)
    {
        folder ??= Locate() ?? throw new DirectoryNotFoundException("the shipped library packs (packs/libraries) were not found beside the program or above the working directory");
        var files = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        var packs = ImmutableArray.CreateBuilder<Model.ManagementPack>();
        var problems = ImmutableArray.CreateBuilder<PackProblem>();
        foreach (var file in files)
        {
            var result = ManagementPackReader.ReadFile(file, ReadOptions);
            problems.AddRange(result.Problems);
            if (result.Pack is { } pack)
            {
                packs.Add(pack);
            }
        }

        return new ManagementPackBatch(packs.ToImmutable(), problems.ToImmutable());
    }
}
