namespace MonitoringHost.Benchmarks;

/// <summary>Benchmarks read the checkout's packs and the corpus beside it.</summary>
internal static class BenchmarkPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MonitoringHost.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the checkout");
    }
}
