using System.Globalization;

namespace MonitoringHost.Benchmarks.Connectors;

/// <summary>The garbage collections of this process (server and clients alike) from a start on.</summary>
internal readonly record struct GcWindow(TimeSpan Pause, int Gen0, int Gen1, int Gen2)
{
    public static GcWindow Start() => new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>The collections since the start, and how long they paused the process.</summary>
    public string Since() => string.Create(CultureInfo.InvariantCulture,
        $"GC: {GC.CollectionCount(0) - Gen0}/{GC.CollectionCount(1) - Gen1}/{GC.CollectionCount(2) - Gen2} gen0/1/2 collections, {(GC.GetTotalPauseDuration() - Pause).TotalMilliseconds:N0} ms paused, heap {GC.GetTotalMemory(false) / (1024 * 1024):N0} MB");
}
