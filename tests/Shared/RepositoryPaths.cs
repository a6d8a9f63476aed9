namespace MonitoringHost.Tests.Shared;

/// <summary>Where tests find the checkout and the shared compatibility corpus beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The corpus of real public packs: <c>../shared/corpus/mp</c> next to the checkout.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "mp"));

    public static string Libraries => Path.Combine(Root, "packs", "libraries");

    /// <summary>
    /// Skips a test whose corpus is missing on a developer machine, and fails it under CI, where a missing corpus
    /// means the run proves nothing.
    /// </summary>
    public static string RequireCorpus()
    {
        if (Directory.Exists(Corpus))
        {
            return Corpus;
        }

        var reason = $"the pack corpus is not at {Corpus}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(reason + " (required under CI)");
        }

        Skip.If(true, reason);
        return Corpus;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MonitoringHost.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no MonitoringHost.sln above {AppContext.BaseDirectory}");
    }
}
